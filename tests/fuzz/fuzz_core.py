"""Coverage-guided fuzzing of the core: decode + recognize + check (issue 8, item 2).

With atheris (libFuzzer; Linux x86-64, installed with the test extras):

    .venv/bin/python tests/fuzz/fuzz_core.py -max_total_time=60 [corpus_dir ...]

A crash (any exception but a clear InputError, or a broken soundness property) stops the run
and libFuzzer writes the input to crash-<sha1>. Keep it in tests/fuzz/regressions/ (name it
*.bin) once fixed: tests/test_robust_fuzz.py replays every file there. Without atheris,
tests/test_robust_fuzz.py drives `fuzz_one` with hypothesis instead.

An input is one mode byte and a payload:
  0  the payload is a file's bytes: decode, recognize, check;
  1  a seed report mutated by operations read from the payload: recognize, check;
  2  as 1, then saved in mixed encodings: decode, recognize, check;
  3  the payload saved under a report suffix (.txt, .docx, .html, .pdf ...): load_report.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

RAW, MUTATED, MIXED, FILE = range(4)


class ByteReader:
    """Choices taken from the fuzzer's bytes; when they run out every choice is 0."""

    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def byte(self) -> int:
        if self.pos >= len(self.data):
            return 0
        self.pos += 1
        return self.data[self.pos - 1]

    def int(self, nbytes: int = 3) -> int:
        value = 0
        for _ in range(nbytes):
            value = value * 256 + self.byte()
        return value

    def pick(self, options):
        return options[self.byte() % len(options)]

    def text(self) -> str:
        n = self.byte() % 48
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk.decode("utf-8", errors="replace")

    @property
    def left(self) -> bool:
        return self.pos < len(self.data)


def _mutations(reader: ByteReader):
    from fuzz.mutations import NUMBER_JUNK, ODD_CHARS, vocabulary

    def noise() -> str:
        return reader.pick((lambda: reader.pick(vocabulary()), lambda: reader.pick(ODD_CHARS), reader.text))()

    ops = []
    while reader.left and len(ops) < 12:
        kind = reader.byte() % 10
        if kind == 0:
            ops.append(("delete", reader.int(), reader.byte()))
        elif kind == 1:
            ops.append(("duplicate", reader.int(), reader.byte(), reader.int()))
        elif kind == 2:
            ops.append(("swap", reader.int(), reader.int()))
        elif kind == 3:
            ops.append(("shuffle", reader.int(), reader.byte(), reader.byte()))
        elif kind == 4:
            ops.append(("insert_line", reader.int(), noise()))
        elif kind == 5:
            ops.append(("splice", reader.int(), reader.int(2), noise()))
        elif kind == 6:
            ops.append(("junk_numbers", reader.int(), reader.pick(NUMBER_JUNK)))
        elif kind == 7:
            ops.append(("join", reader.int(), reader.pick(("", " ", "\t", "|"))))
        elif kind == 8:
            ops.append(("truncate", reader.int()))
        else:
            ops.append(("crlf", reader.byte()))
    return ops


def _decode_and_check(data: bytes) -> None:
    from fuzz.properties import assert_clear_error
    from gkdesk.decoding import decode_bytes
    from gkdesk.errors import InputError

    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        assert_clear_error(exc)
        return
    assert "\r" not in decoded.text
    _parse_and_check(decoded.text)


def _parse_and_check(text: str) -> None:
    from fuzz.properties import assert_findings_sound, assert_report_sound
    from gkdesk.checks import check_report, findings_to_json
    from gkdesk.parsing import parse_text

    report = parse_text(text)
    assert_report_sound(report, text)
    findings = check_report(report)
    assert_findings_sound(report, findings)
    findings_to_json(findings)


_SUFFIXES = (".txt", ".md", ".csv", ".tsv", ".docx", ".html", ".htm", ".pdf", ".doc", ".wps", "")


def _load_file(payload: bytes, suffix: str) -> None:
    from fuzz.properties import assert_file_opens_soundly

    assert_file_opens_soundly(payload, f"report{suffix}")


def fuzz_one(data: bytes) -> None:
    """Run one input; raises only when gkdesk misbehaves."""
    if not data:
        return
    mode, payload = data[0] % 4, data[1:]
    if mode == RAW:
        _decode_and_check(payload)
        return
    if mode == FILE:
        reader = ByteReader(payload[:1])
        _load_file(payload[1:], reader.pick(_SUFFIXES))
        return
    from fuzz.mutations import ENCODINGS, apply, encode_mixed
    from fuzz.seeds import seed_texts

    reader = ByteReader(payload)
    seed = reader.pick(seed_texts())
    if mode == MUTATED:
        _parse_and_check(apply(seed, _mutations(reader)))
        return
    encodings = [reader.pick(ENCODINGS) for _ in range(1 + reader.byte() % 3)]
    cuts = [reader.int() for _ in range(reader.byte() % 4)]
    _decode_and_check(encode_mixed(apply(seed, _mutations(reader)), cuts, encodings))


def starting_corpus() -> list[bytes]:
    """Inputs the fuzzer starts from: every seed report as a file, and unmutated in each mode."""
    from fuzz.seeds import corpus_files, seed_texts

    out = [bytes([RAW]) + text.encode("utf-8") for text in seed_texts()]
    out += [bytes([RAW]) + p.read_bytes() for p in corpus_files()]
    out += [bytes([MUTATED, k]) for k in range(len(seed_texts()))]
    out += [bytes([MIXED, k, 1, 1]) for k in range(len(seed_texts()))]
    out += [bytes([FILE, k]) + seed_texts()[0].encode("gb18030") for k in range(len(_SUFFIXES))]
    return out


_NOT_FUZZED = ("gkdesk.ui", "gkdesk.export", "gkdesk.cli", "gkdesk.__main__", "gkdesk.sidecar")


def main(argv: list[str]) -> None:
    import atheris

    import importlib
    import pkgutil

    import gkdesk

    with atheris.instrument_imports(include=["gkdesk"]):
        # Every core module the target can reach (readers import theirs lazily).
        for module in pkgutil.walk_packages(gkdesk.__path__, "gkdesk."):
            if not module.name.startswith(_NOT_FUZZED):
                importlib.import_module(module.name)
    dirs = [a for a in argv[1:] if not a.startswith("-")]
    if not dirs:
        seeds = Path(tempfile.mkdtemp(prefix="gkdesk-fuzz-"))
        for k, data in enumerate(starting_corpus()):
            (seeds / f"seed-{k:03d}").write_bytes(data)
        argv = argv + [str(seeds)]
    atheris.Setup(argv, fuzz_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
