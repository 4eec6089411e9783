"""Time the narrative claim grammar: extraction per report, growth with text size, a 10 MB narrative.

Usage: python benchmarks/bench_claims.py [ROUNDS]   (default 20 rounds per document)

Printed beside a peer: the same text scanned by one plain regex for numbers with a measure
word (what a keyword checker does, with no grammar), so that the grammar's cost reads as a
multiple of a scan. Times are CPU seconds of this process (time.process_time), wall time beside
for the large ones (a shared machine's wall clock measures its neighbours). Targets: extraction median <= 2 ms per report; linear in text size; a
10 MB narrative checked in under 3 s.
"""
from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

_PEER = re.compile(r"(?:\d+|[零一二两三四五六七八九十百千万]+)(?:件|条|起|次|个|项|万元|元)")


def _reports():
    from gkdesk.reports import load_report

    docs = sorted((SHARED / "corpus" / "real").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    docs += sorted((SHARED / "corpus" / "gen").glob("*__pdf-layout.txt"))
    out = []
    for p in docs:
        try:
            out.append(load_report(p))
        except Exception as exc:  # a benchmark reports, it does not stop
            print(f"skip {p.name}: {exc}")
    return out


def _best(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def _narrative(size: int) -> str:
    """A report whose narrative repeats real narrative sentences up to `size` characters."""
    sentences = [
        "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。",
        "2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。",
        "清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。",
        "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。",
        "全年主动公开政府信息2645条，发布政策解读117篇，组织4次季度政务公开检查。",
        "2023年，我中心未收到因政府信息公开工作被申请行政复议或提起行政诉讼的情况。",
    ]
    body = "".join(sentences)
    head = "某某区2023年政府信息公开工作年度报告\n一、总体情况\n"
    return head + body * (size // len(body) + 1)


def main() -> int:
    from gkdesk.checks import check_report
    from gkdesk.checks.claims import extract_claims, narrative_sentences
    from gkdesk.parsing import parse_text

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    reports = _reports()
    grammar, peer = [], []
    for report in reports:
        grammar.append(_best(lambda: extract_claims(report), rounds))
        text = report.text
        peer.append(_best(lambda: list(_PEER.finditer(text)), rounds))
    print(f"{len(reports)} reports: claim extraction median {statistics.median(grammar) * 1000:.3f} ms "
          f"(max {max(grammar) * 1000:.3f} ms); peer regex scan median {statistics.median(peer) * 1000:.3f} ms")

    print("size (chars)  grammar CPU (chars read)       per M chars   peer scan CPU")
    for size in (10_000, 100_000, 1_000_000, 10_000_000):
        report = parse_text(_narrative(size), "utf-8", "bench.txt")
        t0 = time.process_time()
        claims = extract_claims(report)  # sentences, table text, grammar, cells: all of it
        took = time.process_time() - t0
        sentences = narrative_sentences(report)
        t0 = time.process_time()
        list(_PEER.finditer(report.text))
        scan = time.process_time() - t0
        read = sum(len(s.text) for s in sentences)
        print(f"{size:>10,}  {took:8.3f} s ({read:>10,} chars)  {took / max(read, 1) * 1e6:6.3f} s   {scan:8.3f} s"
              f"   {len(claims):,} claims")
    report = parse_text(_narrative(10_000_000), "utf-8", "bench.txt")
    t0, w0 = time.process_time(), time.perf_counter()
    findings = check_report(report)
    took, wall = time.process_time() - t0, time.perf_counter() - w0
    print(f"check_report on a 10 MB narrative of dense claims: {took:.2f} s CPU, {wall:.2f} s wall "
          f"({len(findings)} findings; target < 3 s)")
    # One sentence of k repeated units (no full stop): the grammar must stay linear in it.
    from gkdesk.checks.grammar import lexicon, read_sentence
    from gkdesk.schema import squeeze, table_spec

    lex = lexicon(tuple(table_spec("2021", t) for t in ("t2", "t3", "t4")))
    print("one hostile sentence, k units    k=5,000     k=20,000    k=80,000   (CPU s; peer scan at 80,000)")
    for name, unit in (("negations", "未收到申请、"), ("quantities", "收到申请1件、"), ("list items", "规章、"),
                       ("zero outcomes", "行政复议均未被纠错、")):
        row = []
        for k in (5_000, 20_000, 80_000):
            text = squeeze(unit * k + "收到申请1件" * (k // 10) + "分别" + "1件、" * (k // 10))[0]
            t0 = time.process_time()
            read_sentence(lex, text, 2023, "三")
            row.append(time.process_time() - t0)
        t0 = time.process_time()
        list(_PEER.finditer(text))
        scan = time.process_time() - t0
        print(f"{name:<30} {row[0]:8.3f}    {row[1]:8.3f}    {row[2]:8.3f}   ({len(text):,} chars; scan {scan:.3f})")
    # The same size made of a real report's narrative (most sentences state no figure).
    real = SHARED / "corpus" / "real" / "011.txt"
    if real.exists():
        body = real.read_text(encoding="utf-8")
        head, rest = body[: len(body) // 3], body
        text = head + rest * (10_000_000 // len(rest) + 1)
        report = parse_text(text, "utf-8", "bench.txt")
        t0, w0 = time.process_time(), time.perf_counter()
        findings = check_report(report)
        took, wall = time.process_time() - t0, time.perf_counter() - w0
        print(f"check_report on a 10 MB report made of real/011 repeated: {took:.2f} s CPU, {wall:.2f} s wall "
              f"({len(findings)} findings; target < 3 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
