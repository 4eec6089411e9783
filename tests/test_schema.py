from hypothesis import given
from hypothesis import strategies as st

from gkdesk.schema import (
    FORMAT_2019,
    FORMAT_2021,
    T3_2019,
    T3_2021,
    T4,
    ValueKind,
    expected_format_for_year,
    normalized_anchors,
    table_relations,
)


def test_table_shapes_match_the_interchange_format():
    assert [len(FORMAT_2021.table("t2").row_columns(r)) for r in range(6)] == [3, 3, 1, 1, 1, 1]
    assert [len(FORMAT_2019.table("t2").row_columns(r)) for r in range(8)] == [3, 3, 3, 3, 3, 3, 2, 2]
    assert len(T3_2021.rows) == 25 and len(T3_2019.rows) == 23
    assert len(T3_2021.columns) == 7 and len(T4.columns) == 15


def test_value_kinds():
    t2_2019 = FORMAT_2019.table("t2")
    assert t2_2019.row_columns(2)[1].kind is ValueKind.SIGNED_COUNT  # 本年增/减
    assert t2_2019.row_columns(7)[1].kind is ValueKind.AMOUNT  # 采购总金额
    assert FORMAT_2021.table("t2").row_columns(5)[0].kind is ValueKind.AMOUNT  # 收费金额


def test_relations_are_generated_for_every_row_and_column():
    rules = [r.rule for r in table_relations(T3_2021)]
    assert rules.count("t3.row_total") == 25
    assert rules.count("t3.results_total") == 7
    assert rules.count("t3.balance") == 7
    leaves_2021 = table_relations(T3_2021)[25].rhs
    leaves_2019 = table_relations(T3_2019)[23].rhs
    assert len(leaves_2021) == 21 and len(leaves_2019) == 19  # (一)(二), 8+3+5 leaves, (六) 3 or 1
    assert [r.rule for r in table_relations(T4)] == ["t4.total"] * 3


def test_cell_names_follow_the_official_form():
    assert FORMAT_2021.cell_name(("t3", 23, 0)) == "表三 （七）总计·自然人"
    assert FORMAT_2021.cell_name(("t3", 4, 6)) == "表三 （三）不予公开 1.属于国家秘密·总计"
    assert FORMAT_2021.cell_name(("t4", 0, 14)) == "表四 行政诉讼·复议后起诉·总计"
    assert FORMAT_2021.cell_name(("t3", 0, 5)) == "表三 一、本年新收政府信息公开申请数量·其他"


def test_every_anchor_names_one_row_only():
    for spec in (T3_2021, T3_2019, FORMAT_2021.table("t2"), FORMAT_2019.table("t2")):
        anchors = normalized_anchors(spec)
        for r, mine in enumerate(anchors):
            others = [a for k, row in enumerate(anchors) if k != r for a in row]
            for a in mine:
                assert a not in others, (spec.id, r, a)


def test_expected_format_for_year():
    assert expected_format_for_year(2019) == "2019"
    assert expected_format_for_year(2020) == "2019"
    assert expected_format_for_year(2024) == "2021"
    assert expected_format_for_year(None) is None


# Long texts are normalized a piece at a time (schema._PIECE, so that no single C call over
# megabytes holds the interpreter lock): cut anywhere, also inside characters that normalize
# to several or to none, the result is that of one pass.
_EDGE_CHARS = "申请 1 2 3\t\n\u3000㈠⑴①ﬁ“”‘’*#|`\\學習ＡＢ１２‼㍻￥﹗"


@given(text=st.text(alphabet=st.sampled_from(_EDGE_CHARS) | st.characters(), max_size=60), piece=st.integers(1, 9))
def test_normalizing_in_pieces_gives_the_result_of_one_pass(text, piece):
    import gkdesk.schema as schema

    whole = (text.translate(schema._NORMALIZED), schema._squeeze_piece(text, 0))
    saved = schema._PIECE
    schema._PIECE = piece
    try:
        pieces = (schema.normalize_label(text), schema.squeeze(text))
    finally:
        schema._PIECE = saved
    assert pieces == whole
    squeezed, index = pieces[1]
    assert len(index) == len(squeezed) and index == sorted(index)
