"""Robustness helpers shared by tests/test_robust_*.py and the fuzz harness (fuzz_core.py)."""
