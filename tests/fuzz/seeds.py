"""Report texts the mutations start from: synthetic reports in every layout, plus real and
generated corpus documents from ../shared when it is there."""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
SHARED = TESTS.parent.parent / "shared"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from report_factory import render, values_for  # noqa: E402

from gkdesk.decoding import decode_bytes  # noqa: E402

# One of each extraction style of the generated corpus (the file name says the converter).
_CORPUS_STYLES = (
    "calc-tsv", "html-pipe", "lo-txt", "pandoc-md", "pandoc-rst", "pdf-layout", "pdf-plain",
    "pdf-raw", "pdfplumber", "html-pandoc-plain", "pandoc-plain",
)


@cache
def synthetic_texts() -> tuple[str, ...]:
    out = []
    for version in ("2021", "2019"):
        for seed, layout in enumerate(("tabs", "pipes", "cells", "spaces"), start=1):
            out.append(render(version, values_for(version, seed), layout))
    return tuple(out)


@cache
def corpus_files() -> tuple[Path, ...]:
    """Real seeds and one generated document per extraction style (if ../shared exists)."""
    files: list[Path] = []
    if (SHARED / "seeds").is_dir():
        files += sorted((SHARED / "seeds").glob("*.txt"))
    gen = SHARED / "corpus" / "gen"
    if gen.is_dir():
        for style in _CORPUS_STYLES:
            match = sorted(p for p in gen.glob(f"*__{style}.txt"))
            files += match[:1]
        files += sorted(gen.glob("*.utf16.txt"))[:1] + sorted(gen.glob("*.gb18030.txt"))[:1]
    return tuple(files)


@cache
def seed_texts() -> tuple[str, ...]:
    texts = list(synthetic_texts())
    for path in corpus_files():
        texts.append(decode_bytes(path.read_bytes()).text)
    return tuple(texts)
