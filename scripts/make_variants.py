#!/usr/bin/env python3
"""Make text variants of the corpus originals with converters the generated corpus does not use.

For every original ``<id>.docx|.html|.pdf`` in --originals, each converter that is installed writes
``<out>/<id>__<variant>.txt`` (UTF-8, no BOM); re-encodings of a few base variants are written as
``<out>/<id>__<base>.<encoding>.txt``, and the truth ``<id>.json`` is copied beside them, so that
../shared/tools/score.py pairs them exactly as it pairs ../shared/corpus/gen.

A converter whose program or Python module is missing is skipped with one line saying so.
Python converters need their libraries importable by the interpreter that runs this script
(pymupdf, pypdf, pdfminer.six, pdfplumber, pypdfium2, python-docx, docx2txt, html2text,
beautifulsoup4, opencc-python-reimplemented, markitdown, inscriptis, mammoth, docx2python); command-line converters are looked up on PATH
(pandoc, pdftotext, mutool, w3m, lynx, links, elinks, html2text).

Usage:
  python scripts/make_variants.py [--originals DIR] [--out DIR] [--only gd01,gd02]
                                  [--converters pdf-mutool,html-w3m] [--list]
"""
from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ORIGINALS = ROOT.parent / "shared" / "corpus" / "originals"
DEFAULT_OUT = ROOT / "build" / "variants"
TIMEOUT_SECONDS = 180


@dataclass(frozen=True)
class Converter:
    """One way of turning an original of kind `source` into text."""

    name: str
    source: str  # "docx", "html" or "pdf"
    needs: tuple[str, ...]  # "exe:NAME" (on PATH) or "mod:NAME" (importable)
    run: Callable[[Path], str]


@dataclass(frozen=True)
class Recoding:
    """Bytes made from the text of a base variant: another encoding, character set or line end."""

    suffix: str
    needs: tuple[str, ...]
    encode: Callable[[str], tuple[bytes, int]]  # -> (bytes, characters that could not be encoded)


def missing(needs: tuple[str, ...]) -> list[str]:
    """The requirements in `needs` that this machine lacks."""
    lacking = []
    for need in needs:
        kind, _, name = need.partition(":")
        if kind == "exe" and shutil.which(name) is None:
            lacking.append(f"program {name}")
        elif kind == "mod" and importlib.util.find_spec(name) is None:
            lacking.append(f"Python module {name}")
    return lacking


def run_program(argv: list[str], stdin: bytes | None = None) -> str:
    """The program's output; bytes that are not UTF-8 (a converter that cuts characters) are kept as
    written, through surrogate escapes, so that the variant file holds exactly what the program printed."""
    proc = subprocess.run(argv, input=stdin, capture_output=True, timeout=TIMEOUT_SECONDS, check=True)
    return proc.stdout.decode("utf-8", errors="surrogateescape")


# --- command-line converters -------------------------------------------------------------------

def pandoc(source_format: str, target: str, *options: str) -> Callable[[Path], str]:
    return lambda path: run_program(["pandoc", "-f", source_format, "-t", target, *options, str(path)])


def pdftotext(*options: str) -> Callable[[Path], str]:
    return lambda path: run_program(["pdftotext", "-enc", "UTF-8", *options, str(path), "-"])


def mutool_text(path: Path) -> str:
    return run_program(["mutool", "draw", "-q", "-F", "txt", "-o", "-", str(path)])


def w3m(*options: str) -> Callable[[Path], str]:
    return lambda path: run_program(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8",
                                     *options, str(path)])


def lynx(*options: str) -> Callable[[Path], str]:
    return lambda path: run_program(["lynx", "-dump", "-nolist", "-assume_charset=utf-8",
                                     "-display_charset=utf-8", *options, str(path)])


def links(*options: str) -> Callable[[Path], str]:
    return lambda path: run_program(["links", "-dump", "-codepage", "utf-8", *options, str(path)])


def elinks(*options: str) -> Callable[[Path], str]:
    return lambda path: run_program(["elinks", "-dump", "-dump-charset", "utf-8", "-no-references",
                                     "-no-numbering", *options, str(path)])


def html2text_program(path: Path) -> str:
    return run_program(["html2text", "-utf8", "-nobs", "-width", "200", str(path)])


# --- Python converters: PDF ----------------------------------------------------------------------

def pdfminer_text(**laparams) -> Callable[[Path], str]:
    def convert(path: Path) -> str:
        from pdfminer.high_level import extract_text
        from pdfminer.layout import LAParams

        return extract_text(str(path), laparams=LAParams(**laparams))

    return convert


def pymupdf_text(mode: str, **options) -> Callable[[Path], str]:
    def convert(path: Path) -> str:
        import fitz

        pages = []
        with fitz.open(str(path)) as document:
            for page in document:
                got = page.get_text(mode, **options)
                if mode == "blocks":
                    got = "\n".join(block[4].rstrip("\n") for block in got if block[6] == 0)
                pages.append(got)
        return "\n".join(pages)

    return convert


def pymupdf4llm_markdown(path: Path) -> str:
    import pymupdf4llm

    return pymupdf4llm.to_markdown(str(path), show_progress=False)


def pypdf_text(**options) -> Callable[[Path], str]:
    def convert(path: Path) -> str:
        from pypdf import PdfReader

        return "\n".join(page.extract_text(**options) for page in PdfReader(str(path)).pages)

    return convert


def pdfplumber_text(**options) -> Callable[[Path], str]:
    def convert(path: Path) -> str:
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\n".join(page.extract_text(**options) or "" for page in pdf.pages)

    return convert


def pdfplumber_words(path: Path) -> str:
    """Each page's words joined by spaces on one line (a pipeline that keeps words, not lines)."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(" ".join(w["text"] for w in page.extract_words()) for page in pdf.pages)


def pdfium_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


# --- Python converters: DOCX ---------------------------------------------------------------------

def docx_rows(table) -> list[list[str]]:
    """Each row's cells as python-docx gives them (a merged cell repeats in every grid slot)."""
    return [[cell.text for cell in row.cells] for row in table.rows]


def unique_cells(row) -> list[str]:
    """A row's cells with horizontal merges counted once (a vertical merge still repeats)."""
    seen, texts = set(), []
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        texts.append(cell.text)
    return texts


def python_docx(table_layout: str, tables_after: bool = False) -> Callable[[Path], str]:
    """Paragraphs and tables in body order; rows tab-joined ("tab", "tab-unique") or one cell a line.
    tables_after: `document.paragraphs`, then `document.tables` (what many scripts do)."""

    def convert(path: Path) -> str:
        import docx
        from docx.table import Table

        lines = []
        document = docx.Document(str(path))
        blocks = list(document.paragraphs) + list(document.tables) if tables_after else document.iter_inner_content()
        for block in blocks:
            if not isinstance(block, Table):
                lines.append(block.text)
                continue
            for row in block.rows:
                if table_layout == "tab":
                    lines.append("\t".join(cell.text for cell in row.cells))
                elif table_layout == "tab-unique":
                    lines.append("\t".join(unique_cells(row)))
                else:
                    lines.extend(unique_cells(row))
        return "\n".join(lines) + "\n"

    return convert


def docx2txt_text(path: Path) -> str:
    import docx2txt

    return docx2txt.process(str(path))


# --- Python converters: HTML ---------------------------------------------------------------------

def html2text_module(**options) -> Callable[[Path], str]:
    def convert(path: Path) -> str:
        import html2text

        maker = html2text.HTML2Text()
        for key, value in options.items():
            setattr(maker, key, value)
        return maker.handle(path.read_text(encoding="utf-8"))

    return convert


def soup_text(separator: str, strip: bool) -> Callable[[Path], str]:
    def convert(path: Path) -> str:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for invisible in soup(["style", "script", "head"]):
            invisible.decompose()
        return soup.get_text(separator, strip=strip)

    return convert


# --- Python converters: any kind ------------------------------------------------------------------

def markitdown_text(path: Path) -> str:
    """Microsoft's markitdown (markdown for LLM pipelines; pdfminer and pdfplumber for PDFs)."""
    from markitdown import MarkItDown

    return MarkItDown().convert(str(path)).text_content


def inscriptis_text(path: Path) -> str:
    from inscriptis import get_text

    return get_text(path.read_text(encoding="utf-8"))


def mammoth_text(path: Path) -> str:
    import mammoth

    with open(path, "rb") as f:
        return mammoth.extract_raw_text(f).value


def docx2python_text(path: Path) -> str:
    from docx2python import docx2python

    with docx2python(str(path)) as document:
        return document.text


def converters() -> list[Converter]:
    pandoc_targets = [
        ("gfm", ()), ("asciidoc", ()), ("org", ()), ("mediawiki", ()), ("dokuwiki", ()),
        ("plain-c200", ("-t", "plain", "--columns=200")),
        ("plain-nowrap", ("-t", "plain", "--wrap=none")),
        ("md-pipe", ("-t", "markdown-simple_tables-multiline_tables-grid_tables")),
    ]
    found = []
    for source, reader in (("docx", "docx"), ("html", "html")):
        for name, options in pandoc_targets:
            if options:
                target, extra = options[1], options[2:]
            else:
                target, extra = name, ()
            found.append(Converter(f"{source}-pandoc-{name}", source, ("exe:pandoc",),
                                   pandoc(reader, target, *extra)))
    found += [
        Converter("docx-pydocx-tab", "docx", ("mod:docx",), python_docx("tab")),
        Converter("docx-pydocx-tab-unique", "docx", ("mod:docx",), python_docx("tab-unique")),
        Converter("docx-pydocx-cell-lines", "docx", ("mod:docx",), python_docx("lines")),
        Converter("docx-pydocx-tables-after", "docx", ("mod:docx",), python_docx("tab-unique", tables_after=True)),
        Converter("docx-docx2txt", "docx", ("mod:docx2txt",), docx2txt_text),
        Converter("html-w3m", "html", ("exe:w3m",), w3m()),
        Converter("html-w3m-c200", "html", ("exe:w3m",), w3m("-cols", "200")),
        Converter("html-lynx", "html", ("exe:lynx",), lynx()),
        Converter("html-lynx-w200", "html", ("exe:lynx",), lynx("-width=200")),
        Converter("html-links", "html", ("exe:links",), links()),
        Converter("html-elinks", "html", ("exe:elinks",), elinks()),
        Converter("html-html2text-prog", "html", ("exe:html2text",), html2text_program),
        Converter("html-html2text-py", "html", ("mod:html2text",), html2text_module()),
        Converter("html-html2text-py-nowrap", "html", ("mod:html2text",), html2text_module(body_width=0)),
        Converter("html-bs4-empty", "html", ("mod:bs4", "mod:lxml"), soup_text("", False)),
        Converter("html-bs4-newline", "html", ("mod:bs4", "mod:lxml"), soup_text("\n", False)),
        Converter("html-bs4-newline-strip", "html", ("mod:bs4", "mod:lxml"), soup_text("\n", True)),
        Converter("html-bs4-space-strip", "html", ("mod:bs4", "mod:lxml"), soup_text(" ", True)),
        Converter("html-bs4-tab-strip", "html", ("mod:bs4", "mod:lxml"), soup_text("\t", True)),
        Converter("pdf-pdftotext-fixed3", "pdf", ("exe:pdftotext",), pdftotext("-fixed", "3")),
        Converter("pdf-pdftotext-plain", "pdf", ("exe:pdftotext",), pdftotext()),
        Converter("pdf-markitdown", "pdf", ("mod:markitdown",), markitdown_text),
        Converter("docx-markitdown", "docx", ("mod:markitdown",), markitdown_text),
        Converter("html-markitdown", "html", ("mod:markitdown",), markitdown_text),
        Converter("html-inscriptis", "html", ("mod:inscriptis",), inscriptis_text),
        Converter("docx-mammoth-text", "docx", ("mod:mammoth",), mammoth_text),
        Converter("docx-docx2python", "docx", ("mod:docx2python",), docx2python_text),
        Converter("pdf-pdftotext-layout-nopgbrk", "pdf", ("exe:pdftotext",), pdftotext("-layout", "-nopgbrk")),
        Converter("pdf-pdftotext-nopgbrk", "pdf", ("exe:pdftotext",), pdftotext("-nopgbrk")),
        Converter("pdf-pdftotext-raw-nopgbrk", "pdf", ("exe:pdftotext",), pdftotext("-raw", "-nopgbrk")),
        Converter("pdf-pdfminer", "pdf", ("mod:pdfminer",), pdfminer_text()),
        Converter("pdf-pdfminer-A", "pdf", ("mod:pdfminer",), pdfminer_text(all_texts=True)),
        Converter("pdf-pdfminer-noflow", "pdf", ("mod:pdfminer",), pdfminer_text(boxes_flow=None)),
        Converter("pdf-pdfminer-vertical", "pdf", ("mod:pdfminer",), pdfminer_text(detect_vertical=True, all_texts=True)),
        Converter("pdf-pdfminer-cm20", "pdf", ("mod:pdfminer",), pdfminer_text(char_margin=20.0)),
        Converter("pdf-pdfminer-lm0", "pdf", ("mod:pdfminer",), pdfminer_text(line_margin=0.0)),
        Converter("pdf-pymupdf-text", "pdf", ("mod:fitz",), pymupdf_text("text")),
        Converter("pdf-pymupdf-text-sort", "pdf", ("mod:fitz",), pymupdf_text("text", sort=True)),
        Converter("pdf-pymupdf-blocks", "pdf", ("mod:fitz",), pymupdf_text("blocks")),
        Converter("pdf-pymupdf4llm", "pdf", ("mod:pymupdf4llm",), pymupdf4llm_markdown),
        Converter("pdf-pypdf", "pdf", ("mod:pypdf",), pypdf_text()),
        Converter("pdf-pypdf-layout", "pdf", ("mod:pypdf",), pypdf_text(extraction_mode="layout")),
        Converter("pdf-pdfplumber-layout", "pdf", ("mod:pdfplumber",), pdfplumber_text(layout=True)),
        Converter("pdf-pdfplumber-words", "pdf", ("mod:pdfplumber",), pdfplumber_words),
        Converter("pdf-pdfium", "pdf", ("mod:pypdfium2",), pdfium_text),
        Converter("pdf-mutool", "pdf", ("exe:mutool",), mutool_text),
    ]
    return found


# --- re-encodings --------------------------------------------------------------------------------

def encoded(text: str, encoding: str) -> tuple[bytes, int]:
    """`text` in `encoding`; characters it lacks become '?' and are counted."""
    try:
        return text.encode(encoding), 0
    except UnicodeEncodeError:
        lost = sum(1 for ch in text if not can_encode(ch, encoding))
        return text.encode(encoding, errors="replace"), lost


def can_encode(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


RECODINGS = [
    Recoding("gbk", (), lambda text: encoded(text, "gbk")),
    Recoding("gbk-crlf", (), lambda text: encoded(crlf(text), "gbk")),
    Recoding("utf16be", (), lambda text: encoded(text, "utf-16-be")),
    Recoding("utf16le", (), lambda text: encoded(text, "utf-16-le")),
    Recoding("crlf", (), lambda text: encoded(crlf(text), "utf-8")),
    Recoding("trad", ("mod:opencc",), lambda text: encoded(traditional(text), "utf-8")),
    Recoding("trad-big5", ("mod:opencc",), lambda text: encoded(traditional(text), "big5")),
]
# Re-encoded variants come from bases the generated corpus reads well, so that a failure is the encoding's.
RECODING_BASES = ("pdf-pdftotext-layout-nopgbrk", "docx-pydocx-tab-unique")


def make_variants(
    originals: Path, out: Path, only: set[str] | None = None, names: set[str] | None = None, log=print
) -> list[Path]:
    """Write every variant of every original in `originals` to `out`; return the files written.

    `only` limits the documents (ids), `names` the converters."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    available = []
    for converter in converters():
        if names and converter.name not in names:
            continue
        lacking = missing(converter.needs)
        if lacking:
            log(f"skip {converter.name}: not installed ({', '.join(lacking)})")
        else:
            available.append(converter)
    recodings = []
    for recoding in RECODINGS:
        lacking = missing(recoding.needs)
        if lacking:
            log(f"skip re-encoding {recoding.suffix}: not installed ({', '.join(lacking)})")
        else:
            recodings.append(recoding)

    for truth in sorted(originals.glob("*.json")):
        doc_id = truth.stem
        if only and doc_id not in only:
            continue
        shutil.copyfile(truth, out / truth.name)
        texts: dict[str, str] = {}
        for converter in available:
            source = originals / f"{doc_id}.{converter.source}"
            if not source.exists():
                continue
            try:
                text = converter.run(source)
            except (subprocess.SubprocessError, OSError, RuntimeError, ValueError) as error:
                log(f"fail {doc_id} {converter.name}: {type(error).__name__}: {str(error)[:200]}")
                continue
            texts[converter.name] = text
            target = out / f"{doc_id}__{converter.name}.txt"
            target.write_bytes(text.encode("utf-8", errors="surrogateescape"))
            written.append(target)
        for base in RECODING_BASES:
            if base not in texts:
                continue
            for recoding in recodings:
                data, lost = recoding.encode(texts[base])
                target = out / f"{doc_id}__{base}.{recoding.suffix}.txt"
                target.write_bytes(data)
                written.append(target)
                if lost:
                    log(f"note {target.name}: {lost} characters not in the encoding, written as '?'")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--originals", type=Path, default=DEFAULT_ORIGINALS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", help="comma-separated document ids, e.g. gd01,gd04")
    parser.add_argument("--converters", help="comma-separated converter names (see --list); default all")
    parser.add_argument("--list", action="store_true", help="list converters and whether each is installed")
    args = parser.parse_args(argv)
    if args.list:
        for converter in converters():
            lacking = missing(converter.needs)
            print(f"{converter.name:34} {converter.source:5} {'missing: ' + ', '.join(lacking) if lacking else 'ok'}")
        return 0
    if not args.originals.is_dir():
        print(f"no originals folder: {args.originals}", file=sys.stderr)
        return 2
    only = {s.strip() for s in args.only.split(",")} if args.only else None
    names = {s.strip() for s in args.converters.split(",")} if args.converters else None
    if names and (unknown := names - {c.name for c in converters()}):
        print(f"unknown converters: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    written = make_variants(args.originals, args.out, only, names)
    print(f"wrote {len(written)} variant files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
