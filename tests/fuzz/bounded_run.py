"""Run the gkdesk CLI as a subprocess with its address space capped (prlimit --as, or the same
rlimit set before exec where prlimit is missing), and measure the CPU time it took."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass

MEMORY_BYTES = 500 * 1024 * 1024
# The bound a hostile file must be refused or read within, on the machine it was set on; on a
# slower one it grows by how much slower a fixed pure-Python workload runs (machine_factor).
CPU_SECONDS_WHERE_SET = 5.0
# CPU seconds of _reference_work() on that machine. Measured on 2026-12-02 as 0.17-0.19 s on a
# machine whose extract floor (benchmarks/bench_extract.py) was 0.15-0.18 ms, against 0.057 ms
# when the bound was set: about 2.8x slower, so about 0.064 s there (an estimate).
_REFERENCE_CPU_WHERE_SET = 0.064
HANG_SECONDS = 60  # wall clock: beyond it the run is killed (a busy shared machine is slower)


def _reference_work() -> None:
    """A fixed mix of what reading costs: string scanning, dicts, small objects."""
    table: dict[str, int] = {}
    text = "一、本年新收政府信息公开申请数量 12 3 0 45\t" * 200
    for i in range(600):
        for j, word in enumerate(text.split()):
            table[word] = table.get(word, 0) + j + i


def machine_factor() -> float:
    """How much slower than the machine the CPU bound was set on this one runs (at least 1)."""
    best = min(_timed_reference() for _ in range(3))
    return max(1.0, best / _REFERENCE_CPU_WHERE_SET)


def _timed_reference() -> float:
    start = time.process_time()
    _reference_work()
    return time.process_time() - start


_factor: float | None = None


def cpu_bound() -> float:
    """The CPU seconds a hostile file may take here (measured once a test session)."""
    global _factor
    if _factor is None:
        _factor = machine_factor()
    return CPU_SECONDS_WHERE_SET * _factor


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    cpu_seconds: float

    def lines(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_cli(*args: str, cwd=None, memory: int = MEMORY_BYTES) -> Run:
    """`python -m gkdesk ARGS` under the memory cap; its CPU time (user + system) measured."""
    command = [sys.executable, "-m", "gkdesk", *args]
    preexec = None
    if shutil.which("prlimit"):
        command = ["prlimit", f"--as={memory}", "--", *command]
    elif os.name == "posix":
        preexec = _limit_memory
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    before = os.times()
    started = time.monotonic()
    proc = subprocess.run(command, capture_output=True, cwd=cwd, env=env, preexec_fn=preexec, timeout=HANG_SECONDS)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if cpu == 0 and os.name != "posix":
        cpu = time.monotonic() - started
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), cpu)
