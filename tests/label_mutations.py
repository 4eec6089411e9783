"""Row labels mutated as documents and converters mutate them, for the property tests: another
ordinal style, a line break inside, traditional characters, characters deleted, inserted or
substituted."""
import re

from hypothesis import strategies as st

from gkdesk.schema import normalize_label, split_ordinal
from gkdesk.traditional import TO_SIMPLIFIED

_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")
_CN = "一二三四五六七八九十"
_TRADITIONAL = {}
for _trad, _simp in TO_SIMPLIFIED.items():
    _TRADITIONAL.setdefault(_simp, _trad)
# Characters an edit inserts or substitutes: common ones that no label of the form is made of.
_ALIEN = "的了是我你他们这那来去说看想做吃喝玩乐走跑跳唱歌画书笔桌椅门窗灯云雨雪风花草树"


def ordinal_styles(n: int) -> list[str]:
    cn = _CN[n - 1] if n <= 10 else str(n)
    return [f"{n}.", f"{n}、", f"({n})", f"（{n}）", f"{n}．", chr(0x2474 + n - 1), chr(0x2460 + n - 1),
            f"{cn}、", f"（{cn}）", f"({cn})"]


# Mutation classes. Guaranteed exact: the label is still its row's by its characters.
EXACT_CLASSES = ("ordinal", "line_break", "traditional", "substitute1", "insert1", "insert2", "delete1")
# Not guaranteed exact (a short label may lose its identity: 规章 with one character left, or
# 行政处罚 one substitution from 行政强制): such a row is read exactly, or blank, or marked.
MARKED_CLASSES = ("substitute2", "delete2")


def mutate(label: str, how: str, draw) -> str:
    m = _ORDINAL.match(label)
    head, core = (label[: m.end()], label[m.end() :]) if m else ("", label)
    if how == "ordinal":
        if not head:
            return label
        n = split_ordinal(normalize_label(head))[0]
        return draw(st.sampled_from(ordinal_styles(n))) + core
    if how == "traditional":
        return head + "".join(_TRADITIONAL.get(ch, ch) for ch in core)
    if how == "line_break":
        at = draw(st.integers(1, max(1, len(core) - 1)))
        return head + core[:at] + "\n" + core[at:]
    kind, count = how[:-1], int(how[-1])
    chars = list(core)
    for _ in range(count):
        if kind == "delete" and len(chars) > 1:
            del chars[draw(st.integers(0, len(chars) - 1))]
        elif kind == "insert":
            chars.insert(draw(st.integers(1, len(chars))), draw(st.sampled_from(_ALIEN)))
        elif kind == "substitute":
            chars[draw(st.integers(0, len(chars) - 1))] = draw(st.sampled_from(_ALIEN))
    return head + "".join(chars)
