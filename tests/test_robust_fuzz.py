"""The fuzz harness in CI (issue 8, item 2): a bounded coverage-guided run (atheris), every kept
crash input replayed, and the same target driven by hypothesis (also where atheris is missing)."""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.fuzz_core import fuzz_one, starting_corpus

HERE = Path(__file__).resolve().parent
FUZZ_SCRIPT = HERE / "fuzz" / "fuzz_core.py"
REGRESSIONS = HERE / "fuzz" / "regressions"
# Seconds of coverage-guided fuzzing in CI; longer hunts: GKDESK_FUZZ_SECONDS=3600.
FUZZ_SECONDS = int(os.environ.get("GKDESK_FUZZ_SECONDS", "30"))
# Where crash inputs and the fuzzer's log stay after a failed run (one folder per run).
ARTIFACTS = Path(os.environ.get("GKDESK_FUZZ_ARTIFACTS") or Path(tempfile.gettempdir()) / "gkdesk-fuzz-artifacts")


def _regression_inputs() -> list[Path]:
    return sorted(p for p in REGRESSIONS.iterdir() if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("path", _regression_inputs(), ids=lambda p: p.name)
def test_kept_crash_inputs_no_longer_crash(path):
    """*.bin are raw fuzzer inputs; any other file is a document, read as a file's bytes."""
    data = path.read_bytes()
    fuzz_one(data if path.suffix == ".bin" else b"\x00" + data)


def test_every_starting_input_passes():
    for data in starting_corpus():
        fuzz_one(data)


_inputs = st.one_of(
    st.binary(max_size=2000),
    st.tuples(st.sampled_from(starting_corpus()), st.binary(max_size=64)).map(lambda a: a[0][:2] + a[1]),
    st.tuples(st.sampled_from(starting_corpus()), st.binary(max_size=64)).map(lambda a: a[0] + a[1]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_inputs)
def test_fuzz_target_driven_by_hypothesis(data):
    fuzz_one(data)


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed (Linux x86-64 only)")
def test_coverage_guided_fuzzing_finds_no_crash(tmp_path):
    # Crash inputs are kept where a later run (and the reviewer of a CI log) finds them: pytest's
    # tmp_path of a clean-clone run is gone once it ends, and one SIGSEGV was lost so.
    artifacts = ARTIFACTS / time.strftime("%Y%m%d-%H%M%S")
    artifacts.mkdir(parents=True, exist_ok=True)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = starting_corpus()
    for k, data in enumerate(seeds):
        (corpus / f"seed-{k:03d}").write_bytes(data)
    proc = subprocess.run(
        [
            sys.executable, str(FUZZ_SCRIPT), f"-max_total_time={FUZZ_SECONDS}", "-rss_limit_mb=3072",
            "-timeout=30", f"-artifact_prefix={artifacts}/", "-print_final_stats=1", str(corpus),
        ],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=FUZZ_SECONDS + 180,
        cwd=tmp_path,
    )
    found = sorted(p for p in artifacts.iterdir() if re.match(r"(crash|timeout|oom|leak)-", p.name))
    (artifacts / "fuzzer-log.txt").write_text(proc.stderr[-200_000:], encoding="utf-8")
    detail = (f"exit {proc.returncode}; inputs and log kept in {artifacts}\n" + proc.stderr[-6000:]
              + "".join(f"\n{p.name}: {p.read_bytes()[:3000]!r}" for p in found))
    assert proc.returncode == 0 and not found, detail
    runs = re.search(r"Done (\d+) runs in (\d+) second", proc.stderr)
    assert runs and int(runs.group(1)) > len(seeds), detail  # it went beyond its starting inputs
    print(f"\ncoverage-guided fuzzing: {runs.group(1)} runs in {runs.group(2)} s")
    shutil.rmtree(artifacts, ignore_errors=True)  # nothing found: nothing to keep
