"""A small, forgiving HTML tree builder on the standard library's html.parser.

Saved government pages are often old, hand-written HTML: unclosed <p>, <td> and <tr>,
stray end tags. The builder closes what HTML closes implicitly, enough to recover the
tables' rows and cells and the page's blocks. No network, no scripts.
"""
from __future__ import annotations

from html.parser import HTMLParser

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen",
}
# Elements whose start closes an open <p> (as in HTML).
CLOSES_P = {
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
}
_TABLE_SCOPE = {"table", "html"}
# Nesting deeper than this is not a real page; flattening keeps the walker's recursion safe.
MAX_DEPTH = 400


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent

    def get(self, name: str, default: str = "") -> str:
        return self.attrs.get(name) or default

    def iter(self, tag: str | None = None):
        """Descendant elements (depth first, in document order)."""
        stack = list(reversed([c for c in self.children if isinstance(c, Node)]))
        while stack:
            node = stack.pop()
            if tag is None or node.tag == tag:
                yield node
            stack.extend(reversed([c for c in node.children if isinstance(c, Node)]))


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack: list[Node] = [self.root]

    # ------------------------------------------------------------ helpers
    @property
    def current(self) -> Node:
        return self.stack[-1]

    def _open_index(self, tags: set[str], scope: set[str]) -> int | None:
        """Index in the stack of the innermost open element in `tags`, not beyond `scope`."""
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                return i
            if tag in scope:
                return None
        return None

    def _outermost_open(self, tags: set[str], scope: set[str]) -> int | None:
        """Index of the outermost open element in `tags` inside the innermost `scope` element."""
        found = None
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in scope:
                break
            if tag in tags:
                found = i
        return found

    def _close_to(self, index: int) -> None:
        del self.stack[index:]

    # ------------------------------------------------------------ events
    def handle_starttag(self, tag: str, attrs) -> None:
        tag = tag.lower()
        if tag in CLOSES_P:
            i = self._open_index({"p"}, _TABLE_SCOPE | {"td", "th", "button"})
            if i is not None:
                self._close_to(i)
        if tag == "li":
            i = self._open_index({"li"}, {"ul", "ol", "menu", "table", "td", "th"})
            if i is not None:
                self._close_to(i)
        elif tag in ("dt", "dd"):
            i = self._open_index({"dt", "dd"}, {"dl", "table", "td", "th"})
            if i is not None:
                self._close_to(i)
        elif tag in ("td", "th"):
            i = self._open_index({"td", "th"}, {"tr", "table"})
            if i is not None:
                self._close_to(i)
            if self._open_index({"tr"}, {"table"}) is None and self._open_index({"table"}, {"html"}) is not None:
                self._push("tr", {})  # a cell straight under the table: its row is implied
        elif tag == "tr":
            i = self._outermost_open({"tr", "td", "th"}, {"table"})
            if i is not None:
                self._close_to(i)
        elif tag in ("thead", "tbody", "tfoot"):
            i = self._outermost_open({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"})
            if i is not None:
                self._close_to(i)
        node = self._push(tag, {k.lower(): (v or "") for k, v in attrs})
        if tag in VOID:
            self.stack.pop()
        elif len(self.stack) > MAX_DEPTH:
            self.stack.pop()  # absurd nesting: keep the content, not the depth
            node.tag = "span"

    def _push(self, tag: str, attrs: dict[str, str]) -> Node:
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        self.stack.append(node)
        return node

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag.lower() not in VOID and self.current.tag == tag.lower():
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in ("td", "th", "tr", "thead", "tbody", "tfoot"):
            i = self._open_index({tag}, {"table"})
        elif tag == "p":
            i = self._open_index({"p"}, _TABLE_SCOPE | {"td", "th"})
        elif tag == "table":
            i = self._open_index({"table"}, {"html"})
        else:
            i = self._open_index({tag}, {"td", "th", "table"} if tag not in ("html", "body") else set())
        if i is not None:
            self._close_to(i)

    def handle_data(self, data: str) -> None:
        children = self.current.children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def parse_html(text: str) -> Node:
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root
