"""Layout text whose row values are centred in their cells: a label wrapped over lines, or a
sub-row's label beside a tall group cell, leaves the row's values on a line of their own above,
between or below its label lines (pdfplumber's and pdftotext's layout modes). Every value is
read into its row: a line printed apart from its label is given to its row by the rows' order
and marked; a value read beside its own label is not."""
from hypothesis import assume, given, settings, strategies as st

from gkdesk.parsing import parse_text
from gkdesk.parsing.value_lines import LINE_BETWEEN_LABELS_NOTE
from gkdesk.schema import table_spec
from report_factory import render, values_for

INDENT = " " * 12


def _centred_t3(version: str, values: dict, draw) -> tuple[str, set[int]]:
    """The report in space-aligned layout, 表三's rows printed as drawn; and the rows whose
    values are on a line of their own, apart from every piece of their label."""
    spec = table_spec(version, "t3")
    lines = render(version, values, "spaces").split("\n")
    apart = set()
    for r, row in enumerate(spec.rows):
        cells = "    ".join(str(v) for v in values["t3"][r])
        at = next(i for i, line in enumerate(lines) if row.label in line and line.rstrip().endswith(cells))
        label = row.label
        # A cell wraps its label at its width: every line holds a few characters.
        pieces = 1 if len(label) < 8 else draw(st.integers(1, 2 if len(label) < 14 else 3))
        step = len(label) // pieces
        cuts = [k * step + draw(st.integers(-1, 1)) for k in range(1, pieces)]
        parts = [label[a:b] for a, b in zip([0] + cuts, cuts + [len(label)])]
        parts[0] = (row.path[-1] + "    " if len(row.path) > 1 and draw(st.booleans()) else "") + parts[0]
        where = draw(st.integers(0, len(parts)))  # the values' line: before part `where`, or after the last
        beside = draw(st.booleans()) and where < len(parts)  # on that label line instead of one of its own
        out = []
        for k, part in enumerate(parts):
            if k == where and not beside:
                out.append(INDENT * 3 + cells)
            out.append(INDENT + part + ("        " + cells if k == where and beside else ""))
        if where == len(parts):
            out.append(INDENT * 3 + cells)
        if not beside:
            apart.add(r)
        if draw(st.integers(0, 6)) == 0:
            out.append(INDENT + "、")  # a heading printed down the side leaves its characters between rows
        lines[at : at + 1] = out
    return "\n".join(lines), apart


@settings(max_examples=40, deadline=None)
@given(version=st.sampled_from(["2021", "2019"]), seed=st.integers(1, 40), data=st.data())
def test_values_centred_apart_from_their_labels_are_read_into_their_rows(version, seed, data):
    values = values_for(version, seed)
    text, apart = _centred_t3(version, values, data.draw)
    table = parse_text(text, "utf-8", None).tables["t3"]
    assert [[c.value for c in row] for row in table.cells] == values["t3"]
    for r, row in enumerate(table.cells):
        for cell in row:
            if cell.inferred:
                assert r in apart and LINE_BETWEEN_LABELS_NOTE in cell.note


@settings(max_examples=40, deadline=None)
@given(version=st.sampled_from(["2021", "2019"]), seed=st.integers(1, 40),
       before=st.sets(st.integers(0, 24), max_size=4), data=st.data(),
       page=st.one_of(st.none(), st.integers(8, 22)), folio=st.sampled_from(["- {n} -", "— {n} —", "-{n}-", "－ {n} －", "{n} — —", "— — {n}"]))
def test_flat_rows_whose_values_come_before_their_label_are_read_into_their_rows(version, seed, before, data, page, folio):
    """表三 flattened to one line of words and numbers (a page's words joined), some rows'
    values printed before their label (their baseline above it): each row is read with its own
    values, the rows that took them by order marked; a row read beside its label where no
    other row's count is off is not marked. With `page`, the table's first page (a line of at
    least eight rows: a page, longer than any row) ends before that row with its page number
    ('… 31 - 3 -', or its words sorted by position: '… 31 3 — —'), which is no value."""
    from gkdesk.parsing.value_lines import SHIFTED_NOTE

    values = values_for(version, seed)
    spec = table_spec(version, "t3")
    before = {r % len(spec.rows) for r in before}
    # Of two neighbours both printed before their labels, the order alone cannot tell.
    assume(not any(r + 1 in before for r in before))
    words = []
    for r, row in enumerate(spec.rows):
        if r == page:
            words.append(folio.format(n=3) + "\n")
        cells = [str(v) for v in values["t3"][r]]
        words += cells + [row.label] if r in before else [row.label] + cells
    lines = render(version, values, "spaces").split("\n")
    first = next(i for i, line in enumerate(lines) if spec.rows[0].label in line)
    last = next(i for i, line in enumerate(lines) if spec.rows[-1].label in line)
    lines[first : last + 1] = [" ".join(words).replace("\n ", "\n")]
    table = parse_text("\n".join(lines), "utf-8", None).tables["t3"]
    for r, row in enumerate(table.cells):
        for c, cell in enumerate(row):
            assert cell.value == values["t3"][r][c] or (cell.inferred and cell.value is None), (r, c)
            if cell.inferred:
                assert SHIFTED_NOTE in cell.note or r == 0 or r - 1 in before or r in before, (r, cell.note)
    assert all(not cell.inferred for r, row in enumerate(table.cells) for cell in row
               if not before or r < min(before) - 1)


def test_a_row_short_of_values_after_one_with_two_rows_worth_leaves_the_rows_between_in_doubt():
    """Nothing adds up (the short row holds some values, not a row's worth): nothing moves, and
    the rows between the long and the short one are in doubt; with the short row empty the
    values move along, each row taking its own in order."""
    from types import SimpleNamespace

    from gkdesk.parsing.tokens import NUM, Token
    from gkdesk.parsing.value_lines import values_to_rows

    def nums(*vs):
        return [Token(NUM, str(v), 0, 1, 0, value=v) for v in vs]

    hits = [SimpleNamespace(row=r) for r in range(4)]
    width = lambda row: 2  # noqa: E731
    values = {0: nums(1, 2, 3, 4), 1: nums(5, 6), 2: nums(7), 3: nums(8, 9)}
    moved, doubtful = values_to_rows(hits, values, width)
    assert moved == {} and doubtful == {1}
    values[2] = []
    moved, doubtful = values_to_rows(hits, values, width)
    assert {r: [t.value for t in v] for r, v in moved.items()} == {0: [1, 2], 1: [3, 4], 2: [5, 6]}
    assert doubtful == set()


@settings(max_examples=30, deadline=None)
@given(version=st.sampled_from(["2021", "2019"]), seed=st.integers(1, 40), data=st.data())
def test_a_flat_table_after_a_sentence_and_an_interleaved_header_is_read_from_its_first_label(version, seed, data):
    """A page's words on one line: the section's sentence with its numbers (434 件), then the
    table's header whose cells of several lines the converter interleaved word by word, then the
    rows. The first row is found at its label after the header, not in the sentence naming it,
    and no number of the sentence is read into the table."""
    values = values_for(version, seed)
    spec = table_spec(version, "t3")
    total = sum(values["t3"][0])
    sentence = f"本年度本机关共收到政府信息公开申请 {total} 件，办结 {data.draw(st.integers(0, 999))} 件，结转下年度继续办理 {data.draw(st.integers(0, 9))} 件。"
    cells = [spec.note, "申请人情况", "自然人", "法人或其他组织", "总计"] + [c.short or c.label for c in spec.columns[1:6]]
    pieces = []
    for cell in cells:
        cut, parts = 0, []
        while cut < len(cell):
            step = data.draw(st.integers(1, 4))
            parts.append(cell[cut : cut + step])
            cut += step
        pieces.append(parts)
    header = []
    while any(pieces):  # a line of each cell in turn, as the converter met them left to right
        for parts in pieces:
            if parts:
                header.append(parts.pop(0))
    rows = [" ".join([row.label] + [str(v) for v in values["t3"][r]]) for r, row in enumerate(spec.rows)]
    lines = render(version, values, "spaces").split("\n")
    first = lines.index(spec.note + "    申请人情况")
    last = next(i for i, line in enumerate(lines) if spec.rows[-1].label in line)
    lines[first : last + 1] = [" ".join([sentence, *header, *rows])]
    table = parse_text("\n".join(lines), "utf-8", None).tables["t3"]
    assert table.values() == values["t3"]


@settings(max_examples=40, deadline=None)
@given(version=st.sampled_from(["2021", "2019"]), seed=st.integers(1, 40),
       moved=st.sets(st.integers(2, 20), min_size=2, max_size=5))
def test_value_lines_printed_together_elsewhere_go_to_the_rows_without_values_in_order(version, seed, moved):
    """pdfminer with a wide char_margin boxes a wrapped label's line of values apart, and prints
    those boxes together: the rows' value lines stand one after another below the first such
    row's label, the later rows' labels with no values. Each row gets its line, in order, marked."""
    values = values_for(version, seed)
    spec = table_spec(version, "t3")
    lines = render(version, values, "spaces").split("\n")
    rows = sorted(moved)
    cells = {r: "    ".join(str(v) for v in values["t3"][r]) for r in rows}
    at = {r: next(i for i, line in enumerate(lines) if spec.rows[r].label in line and line.rstrip().endswith(cells[r]))
          for r in rows}
    for r in rows:
        lines[at[r]] = lines[at[r]][: lines[at[r]].rindex(cells[r])].rstrip()
    lines[at[rows[0]] + 1 : at[rows[0]] + 1] = [INDENT * 3 + cells[r] for r in rows]
    table = parse_text("\n".join(lines), "utf-8", None).tables["t3"]
    for r, row in enumerate(table.cells):
        for c, cell in enumerate(row):
            assert cell.value == values["t3"][r][c], (r, c, rows)
            if r in rows[1:]:
                assert cell.inferred, (r, c)


def test_another_rows_label_on_a_line_of_values_does_not_make_it_the_rows_own():
    from gkdesk.parsing.tokens import tokenize
    from gkdesk.parsing.value_lines import _label_lines

    text = "四、结转下年度继续办理\n申请\n3.其他    29    1\n"
    toks = tokenize(text, 0, len(text))
    assert _label_lines(toks) == {toks[0].line, toks[1].line}
