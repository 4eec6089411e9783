"""Excel column widths of a form, and the width of a text in Excel's character units."""
from __future__ import annotations

import math
import unicodedata
from functools import cache

from ..form_layout import LABEL, form_layout
from ..schema import TableSpec


def text_units(text: str) -> float:
    """Width of a text in Excel character units at the table font (a CJK character is two)."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def _units_for_chars(chars: float) -> float:
    return round(chars * 2 + 1.5, 1)


@cache
def column_widths(spec: TableSpec) -> tuple[float, ...]:
    """The width of each column of the table's form, in Excel character units."""
    layout = form_layout(spec)
    if not spec.columns:  # 表二's grouped form: one label column, then the value columns
        rows = range(len(spec.rows))
        label_chars = max(len(row.label) for row in spec.rows)
        header_chars = max(len(c.label) for r in rows for c in spec.row_columns(r))
        value_columns = layout.column_count - layout.label_columns
        return (_units_for_chars(min(max(label_chars, 6), 11)),) + (
            _units_for_chars(min(max(math.ceil(header_chars / 3), 5), 7)),
        ) * value_columns
    widths: list[float] = []
    labels = [cell for cell in layout.texts() if cell.kind == LABEL]
    for level in range(layout.label_columns):
        own = [len(c.text) for c in labels if c.col == level and c.leaf]
        group = [len(c.text) for c in labels if c.col == level and not c.leaf]
        if level == layout.label_columns - 1:  # the leaf column: long labels wrap over two or three lines
            widths.append(_units_for_chars(min(max(own + [8]), 16)))
        else:  # group columns are narrow: their labels stand vertically merged over many rows
            widths.append(_units_for_chars(min(max(group + [4]) / 2, 4.5)))
    leaf_chars = max(len(c.short or c.label) for c in spec.columns)
    per_col = 4 if len(spec.columns) > 10 else min(max(math.ceil(leaf_chars / 2), 4), 5)
    widths.extend([_units_for_chars(per_col)] * len(spec.columns))
    return tuple(widths)
