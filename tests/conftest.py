"""Shared test helpers. Qt runs offscreen in every test that uses it."""
import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI replays the same examples every run (derandomize): a red CI then means the code changed,
# not that the dice found an old defect. Local runs keep exploring new examples; a failure they
# find is printed with its reproduction blob, to be fixed or listed in the README's known limits.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("GKDESK_HYPOTHESIS_PROFILE", "explore"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared not available: {p}")
    return p
