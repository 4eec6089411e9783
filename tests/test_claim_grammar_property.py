"""Generated clause families over random tables: subject × verb × quantity form × clause order ×
filler. A sentence that agrees with its tables gives no problem, a one-cell contradiction is
found, and a sentence about nothing in the tables gives at most an "unchecked" info."""
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_checks_support import document, make_report, t3_values, t4_values  # noqa: E402

from gkdesk.checks import check_report  # noqa: E402
from gkdesk.findings import ERROR, INFO, NARRATIVE  # noqa: E402

YEAR = 2023
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """一百零五, 两千, 十二: the way narratives write numbers in characters."""
    if n == 0:
        return "零"
    out, zero = "", False
    for value, unit in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if value == 10000 and d:
            out += chinese(d) + unit
            continue
        if d:
            if zero:
                out += "零"
            out += ("两" if d == 2 and unit in ("千", "万") else _DIGITS[d]) + unit
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


@st.composite
def quantity(draw, n: int) -> str:
    forms = ["arabic", "spaced", "chinese"] + (["thousands"] if n >= 1000 else []) + (["two"] if n == 2 else [])
    form = draw(st.sampled_from(forms))
    if form == "spaced":
        return f" {n} "
    if form == "chinese":
        return chinese(n)
    if form == "thousands":
        return f"{n:,}"
    if form == "two":
        return "两"
    return str(n)


FILL = st.sampled_from(["", "共", "共计", "累计"])
LEAD = st.sampled_from(["", "本年度", f"{YEAR}年，", "全年", "我局", f"{YEAR}年，我单位"])


@st.composite
def tables(draw):
    received = draw(st.lists(st.integers(0, 40), min_size=6, max_size=6))
    carried_in = draw(st.lists(st.integers(0, 3), min_size=6, max_size=6))
    carried_over = [draw(st.integers(0, r + c)) for r, c in zip(received, carried_in)]
    t3 = t3_values(received=received, carried_in=carried_in, carried_over=carried_over)
    groups = [draw(st.lists(st.integers(0, 4), min_size=4, max_size=4)) for _ in range(3)]
    t4 = t4_values(*groups)
    t2 = [[draw(st.integers(0, 9)) for _ in range(3)] for _ in range(2)] + [[draw(st.integers(0, 500))] for _ in range(3)]
    t2.append([0.5])
    return {"t3": t3, "t4": t4, "t2": t2}


def _t3_clauses(draw, t):
    """(clause template with {n}, the value, the cell it is about); applicants follow the received count."""
    t3 = t["t3"]
    verb = draw(st.sampled_from(["收到", "受理", "接收", "新收", "接到", "新增"]))
    obj = draw(st.sampled_from(["政府信息公开申请", "信息公开申请", "依申请公开申请"]))
    fill = draw(FILL)
    received = draw(st.sampled_from([f"{fill}{verb}{obj}{{n}}件", f"{fill}{verb}{{n}}件{obj}", f"{obj}{fill}{{n}}件"]))
    groups = [[(received, t3[0][6], ("t3", 0, 6))]]
    if draw(st.booleans()):
        groups[0].append(("其中自然人{n}件", t3[0][0], ("t3", 0, 0)))
        groups[0].append(("法人或其他组织{n}件", sum(t3[0][1:6]), ("t3", 0, 1)))
    options = [
        (draw(st.sampled_from(["上年结转{n}件", "上年度结转的申请{n}件"])), t3[1][6], ("t3", 1, 6)),
        (draw(st.sampled_from(["办结{n}件", "已答复{n}件", "办理完毕{n}件"])), t3[23][6], ("t3", 23, 6)),
        (draw(st.sampled_from(["结转下年度继续办理{n}件", "{n}件结转下年度继续办理", f"结转至{YEAR + 1}年{{n}}件",
                               "{n}件顺延到下年度办理"])), t3[24][6], ("t3", 24, 6)),
    ]
    for clause in options:
        if draw(st.booleans()):
            groups.append([clause])
    return groups


def _t4_clauses(draw, t):
    t4 = t["t4"]
    review = draw(st.sampled_from(["因政府信息公开被申请行政复议{n}件", "行政复议案件{n}起", "被申请行政复议{n}件"]))
    suit = draw(st.sampled_from(["被提起行政诉讼{n}件", "行政诉讼案件{n}起", "提起行政诉讼{n}件"]))
    return [[(review, t4[4], ("t4", 0, 4))], [(suit, t4[9] + t4[14], ("t4", 0, 9))]]


def _t2_clauses(draw, t):
    t2 = t["t2"]
    return [[("行政许可{n}项", t2[2][0], ("t2", 2, 0))], [("行政处罚{n}项", t2[3][0], ("t2", 3, 0))],
            [("行政强制{n}项", t2[4][0], ("t2", 4, 0))]]


FAMILIES = {"三": _t3_clauses, "四": _t4_clauses, "二": _t2_clauses}


@st.composite
def statements(draw):
    """(tables, section, clauses [(template, value, cell)]) in a drawn order."""
    t = draw(tables())
    section = draw(st.sampled_from(sorted(FAMILIES)))
    groups = FAMILIES[section](draw, t)
    order = draw(st.permutations(range(len(groups))))
    clauses = [c for i in order for c in groups[i]]
    return t, section, clauses


def _sentence(draw, section, clauses, values):
    lead = draw(LEAD)
    head = {"二": "主动公开", "四": "", "三": ""}[section]
    parts = [c[0].replace("{n}", draw(quantity(v))) for c, v in zip(clauses, values)]
    return lead + head + "，".join(parts) + "。"


def _check(t, section, sentence):
    report = make_report(text=document(sentence, section, YEAR), year=YEAR, t2=t["t2"], t3=t["t3"], t4=t["t4"])
    return [f for f in check_report(report) if f.kind == NARRATIVE]


@SETTINGS
@given(statements(), st.data())
def test_a_consistent_sentence_gives_no_problem(case, data):
    t, section, clauses = case
    sentence = _sentence(data.draw, section, clauses, [v for _, v, _ in clauses])
    assert [f.message for f in _check(t, section, sentence) if f.severity != INFO] == [], sentence


@SETTINGS
@given(statements(), st.data())
def test_a_one_cell_contradiction_is_found(case, data):
    t, section, clauses = case
    wrong = data.draw(st.integers(0, len(clauses) - 1))
    values = [v for _, v, _ in clauses]
    values[wrong] += data.draw(st.integers(1000, 5000))  # beyond any reading of the tables
    sentence = _sentence(data.draw, section, clauses, values)
    errors = [f for f in _check(t, section, sentence) if f.severity == ERROR]
    assert any(clauses[wrong][2] in f.cells for f in errors), sentence


OUTSIDE = [
    "全年组织政务公开培训{n}次", "发布政务信息{n}条", "网站访问量达{n}次", "政务新媒体{n}个", "召开新闻发布会{n}场",
    "解读政策文件{n}篇", "修复错别字{n}个", "主动公开政府信息{n}条", "公开财政预决算信息{n}条",
]


@SETTINGS
@given(tables(), st.sampled_from(sorted(FAMILIES)), st.lists(st.sampled_from(OUTSIDE), min_size=1, max_size=4),
       st.data())
def test_a_sentence_about_nothing_in_the_tables_gives_at_most_an_info(t, section, clauses, data):
    values = [data.draw(st.integers(0, 9999)) for _ in clauses]
    sentence = _sentence(data.draw, section, [(c, v, None) for c, v in zip(clauses, values)], values)
    assert {f.severity for f in _check(t, section, sentence)} <= {INFO}, sentence


def test_chinese_numerals_of_the_generator():
    assert [chinese(n) for n in (2, 10, 12, 105, 2000, 1234, 10500)] == ["二", "十", "十二", "一百零五", "两千",
                                                                      "一千二百三十四", "一万零五百"]


# What the grammar's prefilter turns on (a count's digits and units, a bare zero after 为/是 and
# what may follow it, negations), and a few other words.
_PIECES = ["为", "是", "0", "零", "5", ".5", "万", "%", ",1", "件", "未", "没有", "均已", "申请", "，"]


@given(st.lists(st.sampled_from(_PIECES), max_size=10))
@settings(max_examples=500, deadline=None)
def test_a_sentence_that_may_state_nothing_has_no_part_that_states_anything(pieces):
    """extract_claims skips a sentence may_state() rules out before cutting its table text
    out: that is sound only if no part of it would be worth reading."""
    from gkdesk.checks import grammar

    text = "".join(pieces)
    for a in range(len(pieces)):
        for b in range(a + 1, len(pieces) + 1):  # cut where table text would be: between words
            if grammar._WORTH_READING.search("".join(pieces[a:b])):
                assert grammar.may_state(text), pieces[a:b]


_SUBJECTLESS = [
    "本年度共受理{new}件，办结{done}件。",
    "全年共收到{new}件，均按时答复。",
    "上年结转{carried}件，本年新收{new}件。",
    "办结{done}件，结转下年度{left}件。",
]


@given(st.integers(1, 60), st.sampled_from(_SUBJECTLESS), st.sampled_from(["", "new", "done", "carried", "left"]))
@settings(max_examples=60, deadline=None)
def test_counts_without_a_subject_in_section_three_are_of_applications(seed, template, wrong):
    """三、收到和处理政府信息公开申请情况 speaks of applications: 本年度共受理12件 there needs no
    申请 to be checked against 表三 (it was read as nothing); agreeing counts give no problem,
    one off by seven is found."""
    from report_factory import render, values_for

    from gkdesk.parsing import parse_text

    values = values_for("2021", seed)
    t3 = values["t3"]
    counts = {"new": t3[0][6], "carried": t3[1][6], "done": t3[-2][6], "left": t3[-1][6]}
    if wrong:
        counts[wrong] += 7
    sentence = template.format(**counts)
    report = parse_text(render("2021", values, "tabs", year=YEAR, narrative={"三": sentence}))
    problems = [f for f in check_report(report) if f.kind == NARRATIVE and f.severity != INFO]
    if wrong and "{" + wrong + "}" in template:
        assert problems, sentence
    else:
        assert not problems, (sentence, [f.message for f in problems])
