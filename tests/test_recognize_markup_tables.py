"""Tables as text markup converters write them: org-mode, MediaWiki, AsciiDoc."""
from gkdesk.parsing import parse_text
from report_factory import render, values_for


def _with_blanks(values: dict) -> dict:
    """Some blank cells scattered over the tables (blank is not zero)."""
    values["t2"][0][1] = None
    values["t3"][5][3] = None
    values["t3"][9][0] = None
    values["t4"][7] = None
    return values


def _cells(report, table_id):
    return [[c.value for c in row] for row in report.tables[table_id].cells]


def _assert_tables(report, values):
    assert _cells(report, "t2") == values["t2"]
    assert _cells(report, "t3") == values["t3"]
    assert _cells(report, "t4")[0] == values["t4"]


def _org(pipe_text: str) -> str:
    """Pipe rows as org-mode writes them: "| a | b |", a "|---+---|" rule under each table's first row."""
    out, in_table = [], False
    for line in pipe_text.split("\n"):
        if line.endswith(" |"):
            cells = line[:-2].split(" | ")
            out.append("| " + " | ".join(cells) + " |")
            if not in_table:
                out.append("|" + "+".join("-" * (len(c) + 2) for c in cells) + "|")
            in_table = True
        else:
            out.append(line)
            in_table = False
    return "\n".join(out)


def test_org_mode_tables_are_pipe_rows_not_grid_tables():
    values = _with_blanks(values_for("2021", seed=4))
    text = _org(render("2021", values, "pipes"))
    assert "|---" in text and "-+-" in text
    _assert_tables(parse_text(text, "utf-8", None), values)


def _mediawiki(pipe_text: str, cells_on_one_line: bool) -> str:
    """Pipe rows as pandoc -t mediawiki writes them: "{|", header cells "!attr| '''text'''",
    "|-" between rows, one "| cell" a line (or "| a || b" on one line), "|}"."""
    out, in_table = [], False
    for line in pipe_text.split("\n"):
        if not line.endswith(" |"):
            if in_table:
                out.append("|}")
            out.append(line)
            in_table = False
            continue
        cells = line[:-2].split(" | ")
        if not in_table:
            out.append("{|")
            out += [f'!width="10%"| \'\'\'{c}\'\'\'' if c else '!width="10%"|' for c in cells]
            in_table = True
            continue
        out.append("|-")
        if cells_on_one_line:
            out.append("| " + " || ".join(cells))
        else:
            out += [f"| {c}" if c else "|" for c in cells]
    return "\n".join(out)


def test_mediawiki_tables_one_cell_a_line():
    values = _with_blanks(values_for("2021", seed=5))
    text = _mediawiki(render("2021", values, "pipes"), cells_on_one_line=False)
    assert "\n| 0\n" in text or "\n| 1\n" in text
    _assert_tables(parse_text(text, "utf-8", None), values)


def test_mediawiki_tables_cells_on_one_line():
    values = _with_blanks(values_for("2019", seed=6))
    _assert_tables(parse_text(_mediawiki(render("2019", values, "pipes"), cells_on_one_line=True), "utf-8", None), values)


def test_mediawiki_bold_marks_are_not_label_text():
    from gkdesk.parsing.tokens import clean_cell_text

    assert clean_cell_text("'''信息内容'''") == "信息内容"
    assert clean_cell_text("''自然人''") == "自然人"


def _asciidoc(pipe_text: str, with_cols: bool) -> str:
    """Pipe rows as pandoc -t asciidoc writes them: [cols=...], "|===", "|a |b" rows with a
    blank line between, a lone "+" for an empty cell, long rows going on over the next line."""
    out, ncols = [], 0
    lines = pipe_text.split("\n")
    for k, line in enumerate(lines):
        if not line.endswith(" |"):
            if ncols:
                out.append("|===")
            out.append(line)
            ncols = 0
            continue
        cells = [c if c else "+" for c in line[:-2].split(" | ")]
        if not ncols:
            ncols = max(len(ln[:-2].split(" | ")) for ln in lines[k:k + 40] if ln.endswith(" |"))
            out += ([f'[cols="{",".join([""] * ncols)}",]'] if with_cols else []) + ["|==="]
        cells = [""] * (ncols - len(cells)) + cells  # the label columns a short row leaves empty
        row = ["|" + c + " " for c in cells]
        width = [len("".join(row[:k])) for k in range(len(row) + 1)]
        if width[-1] > 40 and (with_cols or out[-1] != "|==="):
            # A long row goes on over the next line (as pandoc wraps it at its line width).
            cut = next(k for k, w in enumerate(width) if w > 40)
            out += ["".join(row[:cut]).rstrip(), "".join(row[cut:]).rstrip(), ""]
        else:
            out += ["".join(row).rstrip(), ""]
    return "\n".join(out)


def test_asciidoc_tables_rows_over_two_lines_and_plus_for_empty_cells():
    values = _with_blanks(values_for("2021", seed=7))
    text = _asciidoc(render("2021", values, "pipes"), with_cols=True)
    assert "|===" in text and "|+ " in text
    _assert_tables(parse_text(text, "utf-8", None), values)


def test_asciidoc_tables_without_cols_take_the_first_line_cell_count():
    values = _with_blanks(values_for("2019", seed=8))
    _assert_tables(parse_text(_asciidoc(render("2019", values, "pipes"), with_cols=False), "utf-8", None), values)


def test_pipe_rows_whose_grid_shifts_between_pages_keep_their_blank_cells():
    """Rows start with empty cells (merged label cells), one more of them on the first page
    than on the second: each row's own line still holds exactly its cells."""
    from gkdesk.schema import table_spec

    values = _with_blanks(values_for("2021", seed=9))
    values["t3"][8][0] = None
    values["t3"][15][4] = None
    spec = table_spec("2021", "t3")
    labels = {row.label: r for r, row in enumerate(spec.rows)}
    out = []
    for line in render("2021", values, "pipes").split("\n"):
        cells = line[:-2].split(" | ") if line.endswith(" |") else None
        row = next((labels[c] for c in cells if c in labels), None) if cells else None
        if row is None:
            out.append(line)
            continue
        lead = 2 if row < 12 else 1
        out.append("|" * (lead + 1) + "|".join(cells) + "|")
    text = "\n".join(out)
    report = parse_text(text, "utf-8", None)
    assert _cells(report, "t3") == values["t3"]


def _html2text(pipe_text: str) -> str:
    """Pipe rows as html2text writes a row with an empty cell: the line stops after that cell
    ("label | 0 |    ") and each following cell starts a line of its own ("|  0  ")."""
    out = []
    for line in pipe_text.split("\n"):
        cells = line[:-2].split(" | ") if line.endswith(" |") else None
        if not cells or "" not in cells[1:]:
            out.append(line)
            continue
        cut = cells.index("", 1)
        out.append(" | ".join(cells[:cut]) + " |    ")  # the open last cell is the empty one
        out += [f"|  {c}  " for c in cells[cut + 1 :]]
    return "\n".join(out)


def test_pipe_rows_going_on_over_cell_lines():
    values = _with_blanks(values_for("2019", seed=10))
    values["t3"][6][1:6] = [None] * 5
    values["t3"][6][6] = values["t3"][6][0]
    text = _html2text(render("2019", values, "pipes"))
    assert "\n|  " in text
    _assert_tables(parse_text(text, "utf-8", None), values)
