"""Generated wordings: every way the schema's lexicon lets a report say a table figure is read
as a claim about the right cells.

The words come from gkdesk.schema.NARRATIVE_WORDS (each label written once there), so a
synonym added to the schema is tested here without a line of this file changing. The
generator varies what real narratives vary: the synonym, word order (verb–noun–count,
count–noun, noun–count, 的-phrases), fillers (共 / 共计 / 累计 / 合计), the quantity's form
(Arabic, full-width, Chinese numerals, 两, thousands separators, spaced digits), the measure
word (件 / 条 / 次 / 人次 / 起 / 项 / 个), punctuation (full- and half-width, a PDF line break
inside a word), 其中 breakdowns and 分别 lists. A sentence about things outside the tables
gives no claim at all.
"""
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import document, make_report  # noqa: E402
from test_claim_grammar_property import chinese  # noqa: E402

from gkdesk.checks.claims import extract_claims  # noqa: E402
from gkdesk.checks.grammar import CHANNEL, TIME_NEXT  # noqa: E402
from gkdesk.schema import NARRATIVE_WORDS, table_spec  # noqa: E402

YEAR = 2023
SETTINGS = settings(max_examples=int(__import__('os').environ.get('GK_EXAMPLES', 60)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
T3, T4, T2 = (table_spec("2021", t) for t in ("t3", "t4", "t2"))


def words(table: str, role: str, target: str | None = None, readings: bool | None = None) -> list[str]:
    """The schema's words for one part of the form (in order, no repeats)."""
    out: list[str] = []
    for w in NARRATIVE_WORDS:
        if w.table != table or w.role != role or (target is not None and w.target != target):
            continue
        if readings is not None and bool(w.readings) != readings:
            continue
        out += [x for x in w.words if x not in out]
    return out


def row_of(label: str) -> int:
    return T3.row_index(label)


NEW, CARRIED, RESULTS, LEFT = (T3.rows[i].label for i in (0, 1, 23, 24))
RECEIVED_CELL, CARRIED_CELL, RESULTS_CELL, LEFT_CELL = (("t3", i, 6) for i in (0, 1, 23, 24))

# Nouns for applications a narrative puts after a verb (申请 alone and the full names).
APPLICATIONS = [w for w in words("t3", "subject") if w not in ("申请件",)]
RECEIVE = [w for w in words("t3", "row", NEW) if w not in ("办理", "处理")]
ANSWER = words("t3", "row", RESULTS)
LEFT_WORDS = [w for w in words("t3", "row", LEFT) if w != "继续办理"]
CARRIED_WORDS = words("t3", "row", CARRIED)
FILL = st.sampled_from(["", "共", "共计", "累计", "合计", "一共"])
LEAD = st.sampled_from(["", "本年度", f"{YEAR}年，", f"{YEAR}年度", "全年", "今年", "我局", f"{YEAR}年，本机关"])
COMMA = st.sampled_from(["，", ",", "；", ";"])
END = st.sampled_from(["。", "！", "．", ""])
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def number(draw, n: int) -> str:
    """n as narratives write it."""
    forms = ["arabic", "full", "spaced", "chinese"] + (["thousands"] if n >= 1000 else []) + (["two"] if n == 2 else [])
    form = draw(st.sampled_from(forms))
    if form == "full":
        return str(n).translate(_FULL)
    if form == "spaced":
        return f" {n} "
    if form == "chinese":
        return chinese(n)
    if form == "thousands":
        return f"{n:,}"
    if form == "two":
        return "两"
    return str(n)


def wrap(draw, text: str) -> str:
    """A PDF line break somewhere inside the text (squeezed away before reading)."""
    if len(text) > 2 and draw(st.booleans()):
        i = draw(st.integers(1, len(text) - 1))
        return text[:i] + "\n" + text[i:]
    return text


def read(sentence: str, section: str, version: str = "2021"):
    report = make_report(text=document(sentence, section, YEAR), year=YEAR, version=version)
    return extract_claims(report)


def readings(claim) -> list[tuple]:
    return [claim.cells, *claim.alternatives]


def find(claims, cells: tuple, stated: int):
    """The checked claim stating `stated` whose readings include exactly `cells`."""
    return [c for c in claims if c.checked and c.stated == stated and cells in readings(c)]


def nothing_else(claims, expected) -> None:
    """Every checked claim is one of the expected (cells, value): nothing read that was not said."""
    extra = [(c.phrase, c.stated, c.cells) for c in claims
             if c.checked and not any(c.stated == n and cells in readings(c) for cells, n in expected)]
    assert extra == []


COUNTS = st.integers(0, 3000)


# ---------------------------------------------------------------- 表三 ------------------

@st.composite
def t3_received(draw):
    n = draw(COUNTS)
    q = draw(number(n)) + draw(st.sampled_from(["件", "条", "次", "人次"]))
    verb, noun, fill = draw(st.sampled_from(RECEIVE)), draw(st.sampled_from(APPLICATIONS)), draw(FILL)
    order = draw(st.sampled_from([
        "{fill}{verb}{noun}{q}", "{fill}{verb}{q}{noun}", "{fill}{verb}{noun}数量为{q}",
        "{verb}的{noun}{fill}{q}", "{verb}{noun}{fill}有{q}", "{verb}{noun}：{q}",
    ]))
    return order.format(fill=fill, verb=verb, noun=noun, q=q), n


# What a converter leaves between the pieces of a sentence it drew across a markdown table's
# cells: pipes, empty cells, a rule row.
MARKUP = st.sampled_from([" | ", " |  |  | ", " |\n| --- | --- |\n| ", "|\n|:---|---:|\n|", " |  |\n| ---- | -- | --- |\n|  | "])


@SETTINGS
@given(t3_received(), LEAD, st.data())
def test_received_drawn_across_a_markdown_tables_cells(case, lead, data):
    """The sentence cut into a table's cells (markitdown's text of a PDF) is read as the sentence
    is; the markup never falls inside the number."""
    clause, n = case
    sentence = lead + clause + "。"
    cuts = [i for i in range(1, len(sentence)) if not (sentence[i - 1].isdigit() and sentence[i].isdigit())]
    at = sorted(data.draw(st.lists(st.sampled_from(cuts), min_size=1, max_size=3, unique=True)))
    drawn, pos = "", 0
    for i in at:
        drawn += sentence[pos:i] + data.draw(MARKUP)
        pos = i
    drawn += sentence[pos:]
    claims = read("| " + drawn + " |", "三")
    assert find(claims, (RECEIVED_CELL,), n), drawn
    nothing_else(claims, [((RECEIVED_CELL,), n)])


@SETTINGS
@given(st.integers(1, 99), st.integers(0, 99), MARKUP)
def test_numbers_of_two_cells_are_not_one_number(a, b, markup):
    """`共收到政府信息公开申请 | 28 | 1 | 件`: 28 and 1 are two cells' figures, not 281."""
    claims = read(f"| 本年共收到政府信息公开申请 | {a}{markup}{b} | 件。", "三")
    assert not [c for c in claims if c.stated == int(f"{a}{b}")]


@st.composite
def comparison(draw, unit: str = "件") -> str:
    """What a narrative adds after a figure: a comparison with last year (no table figure)."""
    m, p = draw(st.integers(1, 500)), draw(st.integers(1, 99))
    return draw(st.sampled_from([
        "", f"，同比增长{p}%", f"，同比下降{p}.5%", f"，较上年增加{m}{unit}", f"，比去年减少{m}{unit}",
        f"，较{YEAR - 1}年的{m}{unit}有所增长", f"，与上年相比增加{m}{unit}", "，与上年持平", f"，环比上升{p}%",
    ]))


@st.composite
def earlier_year(draw) -> str:
    """A clause about another year before the sentence's own figures (its scope is that clause)."""
    m = draw(st.integers(0, 500))
    return draw(st.sampled_from([
        "", f"{YEAR - 1}年收到政府信息公开申请{m}件，", f"上年度共受理申请{m}件，", f"去年收到申请{m}件；",
    ]))


@SETTINGS
@given(t3_received(), LEAD, END, st.data())
def test_received_in_every_wording(case, lead, end, data):
    clause, n = case
    before = data.draw(earlier_year())
    if before:  # after a clause about another year, this year's figure says so
        lead = data.draw(st.sampled_from(["本年度", f"{YEAR}年，", "今年", f"{YEAR}年度"]))
    sentence = before + lead + wrap(data.draw, clause) + data.draw(comparison()) + end
    claims = read(sentence, "三")
    assert find(claims, (RECEIVED_CELL,), n), sentence
    nothing_else(claims, [((RECEIVED_CELL,), n)])


@st.composite
def t3_flow(draw):
    """收到 N、办结 M、结转 K in a drawn order of clauses, each in a drawn wording."""
    n, m, k = draw(COUNTS), draw(COUNTS), draw(COUNTS)
    unit = draw(st.sampled_from(["件", "条"]))
    noun = draw(st.sampled_from(APPLICATIONS))
    received = f"{draw(FILL)}{draw(st.sampled_from(RECEIVE))}{noun}{draw(number(n))}{unit}"
    answer = draw(st.sampled_from(ANSWER))
    answered = draw(st.sampled_from([f"{draw(FILL)}{answer}{draw(number(m))}{unit}",
                                     f"{draw(number(m))}{unit}已{answer}" if answer in ("办结", "答复") else
                                     f"{answer}{draw(number(m))}{unit}"]))
    left_word = draw(st.sampled_from(LEFT_WORDS))
    left = draw(st.sampled_from([f"{left_word}{draw(number(k))}{unit}", f"{draw(number(k))}{unit}{left_word}",
                                 f"结转至{YEAR + 1}年{draw(number(k))}{unit}", f"结转至{YEAR + 1}年继续办理{draw(number(k))}{unit}",
                                 f"{draw(number(k))}{unit}结转至{YEAR + 1}年办理",
                                 f"{draw(number(k))}{unit}{left_word}办理" if left_word.endswith("年度") else
                                 f"{left_word}{draw(number(k))}{unit}"]))
    parts = [(received, RECEIVED_CELL, n), (answered, RESULTS_CELL, m), (left, LEFT_CELL, k)]
    order = draw(st.permutations(range(3)))
    return [parts[i] for i in order]


@SETTINGS
@given(t3_flow(), LEAD, COMMA, END)
def test_received_answered_and_carried_over_in_any_order(parts, lead, comma, end):
    sentence = lead + comma.join(p for p, _, _ in parts) + end
    claims = read(sentence, "三")
    for _, cell, n in parts:
        assert find(claims, (cell,), n), (sentence, cell)
    nothing_else(claims, [((cell,), n) for _, cell, n in parts])


@st.composite
def t3_carried_both_ways(draw):
    """收到 N, 上年结转 P and 转下一年办理 K: carried in and carried over in the schema's words and
    in the 转 + next-year + 办理 wording (转下一年办理2件, 2件转下年度继续办理)."""
    n, p, k = draw(COUNTS), draw(COUNTS), draw(COUNTS)
    unit = draw(st.sampled_from(["件", "条"]))
    noun = draw(st.sampled_from(["", *APPLICATIONS]))
    received = f"{draw(FILL)}{draw(st.sampled_from(RECEIVE))}{draw(st.sampled_from(APPLICATIONS))}{draw(number(n))}{unit}"
    carried = f"{draw(st.sampled_from(CARRIED_WORDS))}{noun}{draw(number(p))}{unit}"
    nxt, more = draw(st.sampled_from(TIME_NEXT)), draw(st.sampled_from(["", "继续"]))
    left = draw(st.sampled_from([f"转{nxt}{more}办理{draw(number(k))}{unit}",
                                 f"{draw(number(k))}{unit}转{nxt}{more}办理",
                                 f"{draw(number(k))}{unit}留待{nxt}{more}办理"]))
    parts = [(received, RECEIVED_CELL, n), (carried, CARRIED_CELL, p), (left, LEFT_CELL, k)]
    return [parts[i] for i in draw(st.permutations(range(3)))]


@SETTINGS
@given(t3_carried_both_ways(), LEAD, COMMA, END)
def test_carried_in_and_carried_over_in_any_wording(parts, lead, comma, end):
    sentence = lead + comma.join(p for p, _, _ in parts) + end
    claims = read(sentence, "三")
    for _, cell, n in parts:
        assert find(claims, (cell,), n), (sentence, cell)
    nothing_else(claims, [((cell,), n) for _, cell, n in parts])


_CHANNELS = [w for w in CHANNEL if w not in ("通过", "平台")]  # 通过 / 平台 lead a channel, they are none


@SETTINGS
@given(st.lists(st.sampled_from(_CHANNELS), min_size=2, max_size=3, unique=True), st.lists(COUNTS, min_size=3, max_size=3),
       st.sampled_from(RECEIVE), st.sampled_from(APPLICATIONS), st.booleans(), LEAD, COMMA, END)
def test_counts_by_channel_beside_other_counts_are_shares(channels, counts, verb, noun, total_first, lead, comma, end):
    """收到网上申请105件，快递17件，合计122件 / 共收到申请20件，网上申请15件，信函申请5件: a count by
    the way applications came is a share of the total, no cell of its own."""
    shares = [f"{channel}{'申请' if k else ''}{counts[k]}件" for k, channel in enumerate(channels)]
    total = sum(counts[: len(channels)])
    if total_first:
        sentence = f"{lead}{verb}{noun}{total}件{comma}" + comma.join(shares) + end
    else:
        sentence = f"{lead}{verb}{channels[0]}{noun}{counts[0]}件{comma}" + comma.join(shares[1:]) \
            + f"{comma}合计{total}件" + end
    claims = read(sentence, "三")
    if total_first:
        assert find(claims, (RECEIVED_CELL,), total), sentence
    shares_read = [c for c in claims if c.checked and c.stated in counts[: len(channels)] and c.stated != total
                   and any(cell[0] == "t3" and cell[1] == 0 for r in readings(c) for cell in r)]
    assert shares_read == [], sentence


T3_2019 = table_spec("2019", "t3")
_IN_2019 = {23: T3_2019.row_index("（七）总计"), 24: T3_2019.row_index("四、结转下年度继续办理")}


@SETTINGS
@given(t3_flow(), LEAD, COMMA, END)
def test_the_same_flow_in_the_2019_form(parts, lead, comma, end):
    """The 2019 表三 has one （六） row: （七）总计 and 四 stand two rows higher; the words are the same."""
    sentence = lead + comma.join(p for p, _, _ in parts) + end
    claims = read(sentence, "三", "2019")
    expected = [((("t3", _IN_2019.get(cell[1], cell[1]), 6),), n) for _, cell, n in parts]
    for cells, n in expected:
        assert find(claims, cells, n), (sentence, cells)
    nothing_else(claims, expected)


@st.composite
def t3_breakdown(draw):
    """收到 N 件，其中 / 涉及 自然人 a 件、法人或其他组织 b 件 (or 分别 a、b)."""
    a, b = draw(st.integers(0, 500)), draw(st.integers(0, 500))
    person = draw(st.sampled_from(words("t3", "column", "自然人")))
    body = draw(st.sampled_from(words("t3", "column", "法人或其他组织")))
    unit = draw(st.sampled_from(["件", "条"]))
    head = f"{draw(st.sampled_from(RECEIVE))}{draw(st.sampled_from(APPLICATIONS))}{a + b}{unit}"
    qa, qb = draw(number(a)) + unit, draw(number(b)) + unit
    sep = draw(st.sampled_from(["、", "，", "；"]))
    form = draw(st.sampled_from(["part", "respectively", "brackets"]))
    if form == "part":
        tail = f"，{draw(st.sampled_from(['其中', '涉及', '其中：']))}{person}{qa}{sep}{body}{qb}"
    elif form == "respectively":
        tail = f"，{person}{draw(st.sampled_from(['、', '和', '与']))}{body}{draw(st.sampled_from(['提出的申请', '']))}" \
               f"分别{draw(st.sampled_from(['为', '']))}{qa}{draw(st.sampled_from(['、', '和']))}{qb}"
    else:
        tail = f"（其中{person}{qa}{sep}{body}{qb}）"
    person_cells = (("t3", 0, 0),)
    body_cells = tuple(("t3", 0, c) for c in range(1, 6))
    return head + tail, a, b, person_cells, body_cells


@SETTINGS
@given(t3_breakdown(), LEAD, END)
def test_applicants_in_a_breakdown_or_a_list(case, lead, end):
    clause, a, b, person_cells, body_cells = case
    sentence = lead + clause + end
    claims = read(sentence, "三")
    assert find(claims, person_cells, a), sentence
    assert find(claims, body_cells, b), sentence
    nothing_else(claims, [(person_cells, a), (body_cells, b), ((RECEIVED_CELL,), a + b)])


def _kind_cells(label: str) -> tuple:
    rows = [i for i, r in enumerate(T3.rows) if (r.label == label or label in r.path) and r.result_leaf]
    return tuple(("t3", r, 6) for r in rows)


KINDS = [(w.target, w.words) for w in NARRATIVE_WORDS if w.table == "t3" and w.role == "row" and _kind_cells(w.target)
         and w.target not in (NEW, RESULTS)]


@st.composite
def t3_kinds(draw):
    """办结 N 件，其中 予以公开 a 件、… (or 予以公开、… 的申请分别为 a、b 件)."""
    chosen = draw(st.lists(st.sampled_from(KINDS), min_size=2, max_size=4, unique_by=lambda k: k[0]))
    counts = [draw(st.integers(0, 300)) for _ in chosen]
    names = [draw(st.sampled_from(list(ws))) for _, ws in chosen]
    unit = draw(st.sampled_from(["件", "条"]))
    if draw(st.booleans()):
        sep = draw(st.sampled_from(["、", "，", "；"]))
        tail = sep.join(f"{name}{draw(number(n))}{unit}" for name, n in zip(names, counts))
        clause = f"{draw(st.sampled_from(ANSWER))}{draw(st.sampled_from(APPLICATIONS))}{sum(counts)}{unit}，其中{tail}"
    else:
        items = "、".join(names[:-1]) + draw(st.sampled_from(["和", "及", "、"])) + names[-1]
        qs = "、".join(f"{draw(number(n))}{unit}" for n in counts)
        clause = f"{items}的申请分别为{qs}"
    return clause, [(_kind_cells(label), n) for (label, _), n in zip(chosen, counts)]


@SETTINGS
@given(t3_kinds(), st.sampled_from(["", "本年度", f"{YEAR}年，", "全年"]), END)  # 本机关不掌握 is a row of its own
def test_kinds_of_result_in_a_breakdown_or_a_list(case, lead, end):
    clause, expected = case
    sentence = lead + clause + end
    claims = read(sentence, "三")
    for cells, n in expected:
        assert find(claims, cells, n), (sentence, cells)
    nothing_else(claims, expected + [((RESULTS_CELL,), sum(n for _, n in expected))])


APPROXIMATE = [  # (form, a value the words allow, a value they do not)
    ("{n}余件", lambda n: n + 1, lambda n: n), ("{n}多件", lambda n: n + 3, lambda n: n - 1),
    ("约{n}件", lambda n: n, lambda n: n * 2), ("近{n}件", lambda n: n - 1, lambda n: n + 1),
    ("{n}件左右", lambda n: n, lambda n: n * 2), ("超过{n}件", lambda n: n + 5, lambda n: n - 1),
    ("{n}件以上", lambda n: n, lambda n: n - 1), ("不到{n}件", lambda n: n - 1, lambda n: n + 1),
]


@SETTINGS
@given(st.sampled_from(APPROXIMATE), st.sampled_from([10, 20, 40, 50, 100, 200, 300, 1000]),
       st.sampled_from(RECEIVE), st.sampled_from(APPLICATIONS), LEAD)
def test_an_approximate_count_is_a_range(approx, n, verb, noun, lead):
    form, inside, outside = approx
    sentence = f"{lead}{verb}{noun}{form.format(n=n)}。"
    (claim,) = [c for c in read(sentence, "三") if c.checked]
    assert (RECEIVED_CELL,) in readings(claim), sentence
    assert claim.allows(inside(n)) and not claim.allows(outside(n)), sentence


# ---------------------------------------------------------------- 表四 ------------------

T4_GROUPS = {"行政复议": (("t4", 0, 4),), "行政诉讼": (("t4", 0, 9), ("t4", 0, 14))}
T4_OUTCOMES = {w.target: w.words for w in NARRATIVE_WORDS if w.table == "t4" and w.role == "column"}


def _t4_cells(group: str, outcome: str) -> tuple:
    return tuple(("t4", 0, c) for c, col in enumerate(T4.columns) if group in col.path and col.label == outcome)


@st.composite
def t4_case(draw):
    group = draw(st.sampled_from(sorted(T4_GROUPS)))
    name = draw(st.sampled_from(words("t4", "subject", group)))
    outcomes = draw(st.lists(st.sampled_from(sorted(T4_OUTCOMES)), min_size=1, max_size=3, unique=True))
    counts = [draw(st.integers(0, 60)) for _ in outcomes]
    unit = draw(st.sampled_from(["件", "起"]))
    lead = draw(st.sampled_from(["因政府信息公开", "因政府信息公开工作被", "政府信息公开", "涉及政府信息公开的"]))
    noun = draw(st.sampled_from(["", "案件"]))
    head = f"{lead}{'申请' if group == '行政复议' and lead.endswith('被') else ''}{name}{noun}{sum(counts)}{unit}"
    parts = []
    for outcome, n in zip(outcomes, counts):
        word = draw(st.sampled_from(list(T4_OUTCOMES[outcome])))
        parts.append(draw(st.sampled_from([f"{word}{draw(number(n))}{unit}", f"{draw(number(n))}{unit}{word}"])))
    sep = draw(st.sampled_from(["、", "，", "；"]))
    tail = draw(st.sampled_from(["，其中{}", "（其中{}）", "，其中：{}"])).format(sep.join(parts))
    total = T4_GROUPS[name] if name in T4_GROUPS else _t4_cells(group, "总计")
    expected = [(_t4_cells(group, o), n) for o, n in zip(outcomes, counts)]
    return head + tail, (total, sum(counts)), expected, group


@SETTINGS
@given(t4_case(), LEAD, END)
def test_reviews_and_suits_with_their_outcomes(case, lead, end):
    clause, (total, n), expected, group = case
    sentence = lead + clause + end
    claims = read(sentence, "四")
    assert find(claims, T4_GROUPS[group], n), sentence
    for cells, k in expected:
        assert find(claims, cells, k), (sentence, cells)
    nothing_else(claims, expected + [(T4_GROUPS[group], n)])


@st.composite
def t4_respectively(draw):
    a, b = draw(st.integers(0, 60)), draw(st.integers(0, 60))
    review = draw(st.sampled_from(words("t4", "subject", "行政复议")))
    suit = draw(st.sampled_from([w for w in words("t4", "subject", "行政诉讼") if w not in ("起诉",)]))
    unit = draw(st.sampled_from(["件", "起"]))
    join = draw(st.sampled_from(["、", "和", "与", "及"]))
    mid = draw(st.sampled_from(["分别为", "分别", "案件分别为", "案件，分别为"]))
    clause = f"因政府信息公开引起的{review}{join}{suit}{mid}{draw(number(a))}{unit}{draw(st.sampled_from(['、', '和']))}" \
             f"{draw(number(b))}{unit}"
    return clause, a, b


@SETTINGS
@given(t4_respectively(), LEAD, END)
def test_reviews_and_suits_in_a_respectively_list(case, lead, end):
    clause, a, b = case
    sentence = lead + clause + end
    claims = read(sentence, "四")
    assert find(claims, T4_GROUPS["行政复议"], a), sentence
    assert find(claims, T4_GROUPS["行政诉讼"], b), sentence
    nothing_else(claims, [(T4_GROUPS["行政复议"], a), (T4_GROUPS["行政诉讼"], b)])


# ---------------------------------------------------------------- 表二 ------------------

T2_COLUMNS = {"本年制发件数": 0, "本年废止件数": 1, "现行有效件数": 2}


@st.composite
def t2_case(draw):
    """规章 / 规范性文件 with 制发 / 废止 / 现行有效 in a drawn order; 许可 / 处罚 / 强制 decisions."""
    if draw(st.booleans()):
        row = draw(st.sampled_from([0, 1]))
        name = draw(st.sampled_from(words("t2", "subject", T2.rows[row].label)))
        column = draw(st.sampled_from(sorted(T2_COLUMNS)))
        verb = draw(st.sampled_from(words("t2", "column", column)))
        n = draw(st.integers(0, 900))
        q = draw(number(n)) + draw(st.sampled_from(["件", "个", "项"]))
        clause = draw(st.sampled_from([f"{verb}{name}{q}", f"{verb}的{name}{q}", f"{name}{verb}{q}"]))
        return clause, (("t2", row, T2_COLUMNS[column]),), n
    row = draw(st.sampled_from([2, 3, 4]))
    name = draw(st.sampled_from(words("t2", "subject", T2.rows[row].label)))
    n = draw(st.integers(0, 9000))
    q = draw(number(n)) + draw(st.sampled_from(["件", "个", "项"]))
    clause = draw(st.sampled_from([f"{name}{q}", f"作出{name}决定{q}", f"{name}处理决定{q}", f"{name}决定数量为{q}"]))
    return clause, (("t2", row, 0),), n


@SETTINGS
@given(st.lists(t2_case(), min_size=1, max_size=3), COMMA, END,
       st.sampled_from(["本年度", "主动公开", f"{YEAR}年，本机关主动公开", "全年"]))
def test_table_two_counts_in_every_wording(cases, comma, end, lead):
    if len({cells for _, cells, _ in cases}) < len(cases):
        return  # the same cell twice in one sentence: two statements, not a generator's concern
    sentence = lead + comma.join(c for c, _, _ in cases) + end
    claims = read(sentence, "二")
    for clause, cells, n in cases:
        assert find(claims, cells, n), (sentence, cells)
    nothing_else(claims, [(cells, n) for _, cells, n in cases])


@SETTINGS
@given(st.sampled_from([0, 1]), st.sampled_from(sorted(T2_COLUMNS)), st.integers(1, 900), st.data(), END,
       st.sampled_from(["本年度", "主动公开", f"{YEAR}年，本机关主动公开", "全年"]))
def test_a_share_of_a_table_two_count_is_not_its_cell(row, column, n, data, end, lead):
    """规章18件（含新制定4件，修改14件）: the share broken down from a figure, in the same column's
    words, says nothing of the cell the figure states."""
    name = data.draw(st.sampled_from(words("t2", "subject", T2.rows[row].label)))
    verbs = words("t2", "column", column)
    whole_verb, share_verb = data.draw(st.sampled_from(verbs)), data.draw(st.sampled_from(verbs))
    m = data.draw(st.integers(0, n - 1))
    share = f"{share_verb}{data.draw(number(m))}件"
    rest = data.draw(st.sampled_from(["", f"，修改{n - m}件", f"，修订{n - m}件"]))
    breakdown = data.draw(st.sampled_from([f"（含{share}{rest}）", f"，其中{share}{rest}", f"（其中{share}{rest}）",
                                            f"，包括{share}{rest}"]))
    sentence = f"{lead}{whole_verb}{name}{data.draw(number(n))}件{breakdown}{end}"
    cells = (("t2", row, T2_COLUMNS[column]),)
    claims = read(sentence, "二")
    assert find(claims, cells, n), sentence
    assert not [c for c in claims if c.checked and c.stated == m and cells in readings(c)], sentence


@SETTINGS
@given(st.integers(0, 500), st.sampled_from(["万元", "元"]), st.sampled_from(["本年度", "全年"]),
       st.sampled_from(["行政事业性收费{q}", "收取行政事业性收费{q}", "行政事业性收费金额为{q}", "行政事业性收费总金额{q}"]))
def test_fees_in_either_unit(n, unit, lead, form):
    sentence = lead + form.format(q=f"{n}{unit}") + "。"
    (claim,) = [c for c in read(sentence, "二") if c.checked]
    expected = n if unit == "万元" else n / 10_000
    assert claim.cells == (("t2", 5, 0),) and claim.allows(expected), sentence


# ---------------------------------------------------------------- absence ---------------

@st.composite
def zero_case(draw):
    neg = draw(st.sampled_from(["未", "没有", "均未", "无", "未曾"]))
    kind = draw(st.sampled_from(["t3", "t4", "t2"]))
    if kind == "t3":
        verb = draw(st.sampled_from([w for w in RECEIVE if w not in ("本年新收", "新收", "提出", "提交", "新增")]))
        noun = draw(st.sampled_from(APPLICATIONS))
        return f"{neg}{verb}{noun}", "三", [(RECEIVED_CELL,)]
    if kind == "t4":
        review = draw(st.sampled_from(words("t4", "subject", "行政复议")))
        suit = draw(st.sampled_from(["行政诉讼", "诉讼"]))
        lead = draw(st.sampled_from(["因政府信息公开工作被申请", "发生因政府信息公开引起的", "发生政府信息公开"]))
        verb = "收到" if neg in ("未", "没有") and lead.startswith("因") else ""
        return f"{neg}{verb}{lead}{review}{draw(st.sampled_from(['或', '和', '、']))}{suit}", "四", \
            [T4_GROUPS["行政复议"], T4_GROUPS["行政诉讼"]]
    rows = draw(st.lists(st.sampled_from([2, 3, 5]), min_size=1, max_size=3, unique=True))
    names = [draw(st.sampled_from(words("t2", "subject", T2.rows[r].label))) for r in rows]
    neg = draw(st.sampled_from(["无", "不涉及", "没有"])) if neg not in ("无", "没有") else neg
    return f"本机关{neg}{'、'.join(names)}{draw(st.sampled_from(['职责', '等工作职责', '']))}", "二", \
        [(("t2", r, 0),) for r in rows]


@SETTINGS
@given(zero_case(), LEAD, END)
def test_statements_of_absence_are_zeros_of_their_cells(case, lead, end):
    clause, section, expected = case
    sentence = lead + clause + end
    zeros = [c for c in read(sentence, section) if c.checked and c.zero]
    for cells in expected:
        assert any(c.cells == cells for c in zeros), (sentence, cells)
    named = {a for cells in expected for a in cells}
    assert all(set(c.cells) <= named for c in zeros), sentence  # only the cells of their scope


# ---------------------------------------------------------------- outside the tables ----

OUTSIDE = [
    "主动公开政府信息{q}条", "发布政务信息{q}条", "网站访问量达{q}次", "网站总访问量{q}人次", "运维政务新媒体{q}个",
    "召开新闻发布会{q}场", "发布政策解读{q}篇", "修复错别字{q}个", "公开财政预决算信息{q}条", "组织政务公开培训{q}次",
    "参训人员{q}人次", "主动公开行政许可信息{q}条", "公开行政处罚结果信息{q}条", "收到群众留言{q}条",
    "办理人大代表建议{q}件", "办理政协提案{q}件", "关停政务新媒体{q}个", "编制公开指南{q}份", "规范性文件库收录文件{q}件",
    "开展政府开放日活动{q}次", "回复网民咨询{q}条", "更新政务公开专栏{q}个",
]


@SETTINGS
@given(st.lists(st.sampled_from(OUTSIDE), min_size=1, max_size=4, unique=True), st.data(), LEAD, COMMA,
       st.sampled_from(["一", "二", "五"]))
def test_sentences_about_things_outside_the_tables_give_no_claim(templates, data, lead, comma, section):
    parts = [t.format(q=data.draw(number(data.draw(COUNTS))).replace(" ", "")) for t in templates]
    sentence = lead + comma.join(parts) + "。"
    assert [c.phrase for c in read(sentence, section)] == [], sentence


@SETTINGS
@given(st.sampled_from([("2021", w) for w in words("t2", "subject", "行政许可")]
                       + [("2019", w) for w in words("t2", "subject", "其他对外管理服务事项")]),
       st.sampled_from(RECEIVE), COUNTS, st.booleans(), LEAD, st.sampled_from(["一", "二", "三"]))
def test_applications_for_a_licence_are_no_disclosure_application(case, verb, n, negated, lead, section):
    """行政许可申请: the 申请 a 表二 subject names is an application for that, not for information."""
    version, subject = case
    clause = f"未{verb}{subject}申请" if negated else f"{verb}{subject}申请{n}件"
    sentence = lead + clause + "。"
    assert [c.phrase for c in read(sentence, section, version) if c.checked] == [], sentence


@SETTINGS
@given(st.integers(0, 9000), st.sampled_from(["元", "万元"]),
       st.sampled_from(["收取信息处理费{q}", "收取政府信息公开信息处理费{q}", "未收取信息处理费", "信息处理费为{q}"]))
def test_fees_for_handling_requests_are_no_table_claim(n, unit, form):
    sentence = "本年度" + form.format(q=f"{n}{unit}") + "。"
    assert [c.phrase for c in read(sentence, "六")] == [], sentence


@SETTINGS
@given(st.sampled_from([0, 1]), st.sampled_from(sorted(T2_COLUMNS)), st.integers(1, 900), st.data(), END,
       st.sampled_from(["本年度", "主动公开", f"{YEAR}年，本机关主动公开", "全年"]))
def test_a_share_of_a_table_two_figure_naming_no_column_is_not_a_cell(row, column, n, data, end, lead):
    """规章13件（含新制定5件，修改8件）: the figure names no column, and the share, whatever
    column its words name, is a part of it, not that column's cell (制发 may count amendments)."""
    name = data.draw(st.sampled_from(words("t2", "subject", T2.rows[row].label)))
    share_verb = data.draw(st.sampled_from(words("t2", "column", column)))
    m = data.draw(st.integers(0, n - 1))
    share = f"{share_verb}{data.draw(number(m))}件"
    rest = data.draw(st.sampled_from(["", f"，修改{n - m}件", f"，修订{n - m}件"]))
    breakdown = data.draw(st.sampled_from([f"（含{share}{rest}）", f"，其中{share}{rest}", f"（其中{share}{rest}）",
                                            f"，包括{share}{rest}"]))
    sentence = f"{lead}{name}{data.draw(number(n))}件{breakdown}{end}"
    cells = (("t2", row, T2_COLUMNS[column]),)
    claims = read(sentence, "二")
    assert not [c for c in claims if c.checked and c.stated == m and cells in readings(c)], sentence
