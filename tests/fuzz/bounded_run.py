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
CPU_SECONDS = 5.0  # the bound a hostile file must be refused or read within
HANG_SECONDS = 60  # wall clock: beyond it the run is killed (a busy shared machine is slower)


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
