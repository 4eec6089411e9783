"""How findings name cells, rows and relations: as the official form does (表三 （七）总计·自然人)."""
from __future__ import annotations

from ..messages import CellRef, RowRef, render
from ..model import CellAddr, Report
from ..schema import FORMATS, SECTIONS, TableSpec, format_spec, table_relations


def cell_ref(report: Report, addr: CellAddr, table: bool = True) -> CellRef:
    """A message argument naming the cell by the format version of its own table."""
    found = report.tables.get(addr[0])
    version = (found.spec.version if found is not None else "") or report.format or FORMATS[0]
    return CellRef(version, tuple(addr), table)


def cell_name(report: Report, addr: CellAddr) -> str:
    """The official (Chinese) name of a cell."""
    return render(cell_ref(report, addr))


def row_ref(spec: TableSpec, row: int) -> RowRef:
    return RowRef(spec.version or FORMATS[0], spec.id, row)


def relation_basis(description: str) -> str:
    """The right side of a relation's description as a phrase: 结果维持、结果纠正…之和."""
    rhs = description.split("=", 1)[-1].strip()
    rhs = rhs.replace(" + ", "、")
    return rhs if rhs.endswith("之和") else rhs + "之和"


def relation_parts(description: str) -> str:
    """The cells a total is made of, as the description says them: 结果维持、结果纠正…."""
    return relation_basis(description)[: -len("之和")]


def join_names(names: list[str], limit: int = 6) -> str:
    """At most `limit` names, then how many more."""
    if len(names) <= limit:
        return "、".join(names)
    return "、".join(names[:limit]) + f" 等 {len(names)} 格"


def schema_words() -> list[str]:
    """Every text of the schema that the form or a finding shows, each once, in schema order.

    What gets translated for the window (context "schema" of resources/i18n/*.ts):
    scripts/build_translations.py writes these into the .ts files.
    """
    words: dict[str, None] = {}

    def add(*texts: str) -> None:
        for text in texts:
            if text:
                words.setdefault(text, None)

    for version in FORMATS:
        fmt = format_spec(version)
        add(fmt.name, fmt.notice)
        for spec in fmt.tables.values():
            add(spec.number, spec.title, spec.note, spec.label_header)
            for r, row in enumerate(spec.rows):
                add(*row.label_path)
                for column in spec.row_columns(r):
                    add(*column.path, column.label, column.short)
            for relation in table_relations(spec):
                add(relation.description)
                if len(relation.lhs) == 1:
                    add(relation_basis(relation.description), relation_parts(relation.description))
    add(*(section.heading for section in SECTIONS))
    return list(words)
