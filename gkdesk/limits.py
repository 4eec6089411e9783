"""Limits that keep absurd input from exhausting the reviewer's PC. Stated in the README.

Real reports stay far below every one of them (a whole report is 5–60 KB of text; the
largest table region in the corpus is about 14 000 characters)."""
from __future__ import annotations

MB = 1024 * 1024
# A text file larger than this is refused before it is read (checked on the file's size).
MAX_TEXT_FILE_BYTES = 50 * MB
# The recognizer reads at most this many characters of a table's region (from the table's
# first header cue on); a longer region is cut, with a note, so that a pathological file
# (megabytes of one line) is parsed in bounded time.
MAX_TABLE_REGION_CHARS = 100_000
# A table cell or a figure in the narrative has at most this many digits (the largest real
# figures are fees in 元, far below 10^15). A longer run of digits is not read as a number:
# beyond it floats lose whole units, and Python refuses int() of more than 4300 digits.
MAX_NUMBER_DIGITS = 15
