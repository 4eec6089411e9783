"""Ruled tables from a page's edges: pdfplumber's table finder ("lines" strategy), as geometry.

pdfplumber's finder (snap and join edges, intersections, smallest cells, cells grouped into
tables) is pure Python over edge dicts and does nothing PDFium offers; it is used directly on
the edges pdf_page_objects reads, with pdfplumber's default settings, so the tables found are
the ones pdfplumber finds, without pdfminer parsing the page a second time.
"""
from __future__ import annotations

# pdfplumber's TableSettings defaults for the "lines" strategies.
SNAP_TOLERANCE = 3
JOIN_TOLERANCE = 3
EDGE_MIN_LENGTH = 3
EDGE_MIN_LENGTH_PREFILTER = 1
INTERSECTION_TOLERANCE = 3

Cell = tuple[float, float, float, float]  # x0, top, x1, bottom


def find_ruled_tables(edges: list[dict]) -> list[list[Cell]]:
    """The tables the edges rule, each as its cells (pdfplumber's order)."""
    from pdfplumber.table import cells_to_tables, edges_to_intersections, merge_edges
    from pdfplumber.utils import filter_edges

    v = filter_edges(edges, "v", min_length=EDGE_MIN_LENGTH_PREFILTER)
    h = filter_edges(edges, "h", min_length=EDGE_MIN_LENGTH_PREFILTER)
    if not v or not h:
        return []
    merged = merge_edges(v + h, SNAP_TOLERANCE, SNAP_TOLERANCE, JOIN_TOLERANCE, JOIN_TOLERANCE)
    merged = filter_edges(merged, min_length=EDGE_MIN_LENGTH)
    intersections = edges_to_intersections(merged, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE)
    return cells_to_tables(intersections_to_cells(intersections))


def intersections_to_cells(intersections: dict) -> list[Cell]:
    """pdfplumber's intersections_to_cells, with each point's edges made a set once (pdfplumber
    rebuilds both sets for every pair of points it tests): the same cells, in the same order."""
    points = sorted(intersections)
    v_sets = {p: {_bbox(e) for e in intersections[p]["v"]} for p in points}
    h_sets = {p: {_bbox(e) for e in intersections[p]["h"]} for p in points}

    def connects(p1, p2) -> bool:
        if p1[0] == p2[0] and not v_sets[p1].isdisjoint(v_sets[p2]):
            return True
        return p1[1] == p2[1] and not h_sets[p1].isdisjoint(h_sets[p2])

    by_x: dict[float, list] = {}
    by_y: dict[float, list] = {}
    place: dict = {}
    for p in points:
        column, row = by_x.setdefault(p[0], []), by_y.setdefault(p[1], [])
        place[p] = (len(column), len(row))
        column.append(p)
        row.append(p)
    cells = []
    for pt in points[:-1]:
        in_column, in_row = place[pt]
        # Points are sorted by (x, top): the later ones in a column are below, in a row right.
        below = by_x[pt[0]][in_column + 1 :]
        right = by_y[pt[1]][in_row + 1 :]
        cell = _smallest_cell(pt, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(pt, below, right, intersections, connects):
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            bottom_right = (right_pt[0], below_pt[1])
            if bottom_right in intersections and connects(bottom_right, right_pt) and connects(bottom_right, below_pt):
                return (pt[0], pt[1], bottom_right[0], bottom_right[1])
    return None


def _bbox(edge: dict) -> Cell:
    return (edge["x0"], edge["top"], edge["x1"], edge["bottom"])
