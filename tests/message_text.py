"""Test helpers: Chinese characters in a text, leaving out the report's own words a message quotes."""
import re

from gkdesk.messages import Joined, Message, Quote

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def quotes_of(arg) -> list[str]:
    """The report's own words inside a message (shown as they are in every language)."""
    if isinstance(arg, Quote):
        return [arg.text]
    if isinstance(arg, Message):
        return [q for a in arg.args.values() for q in quotes_of(a)]
    if isinstance(arg, Joined):
        return [q for a in arg.items for q in quotes_of(a)]
    return []


def chinese_outside(text: str, allowed=()) -> list[str]:
    """The Chinese characters of `text` once the allowed quotations are taken out."""
    for quote in sorted(allowed, key=len, reverse=True):
        text = text.replace(quote, "")
    return CJK.findall(text)
