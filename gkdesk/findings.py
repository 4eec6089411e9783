"""A finding: what is wrong, where (cells and text), and what it should be."""
from __future__ import annotations

from dataclasses import dataclass, field

from .messages import Message, Quote, say

ERROR, WARNING = "error", "warning"
# Not a problem: something the checks could not verify (a statement not tied to cells).
INFO = "info"
ARITHMETIC, NARRATIVE, STRUCTURE = "arithmetic", "narrative", "structure"


@dataclass
class Culprit:
    """The single cell whose change would repair every broken relation it is in."""

    cell: tuple[str, int, int]
    value: int | float


@dataclass
class Finding:
    rule: str  # e.g. "t3.balance", "narrative.t3_received", "structure.table_missing"
    kind: str  # ARITHMETIC, NARRATIVE, STRUCTURE
    severity: str  # ERROR, WARNING
    cells: list[tuple[str, int, int]]
    # Chinese, names cells as the official form does. Given a Message, the finding keeps its
    # catalogue key and arguments too (message_key, message_args), for the window's languages.
    message: str | Message
    span: tuple[int, int] | None = None  # the sentence (narrative) or source text concerned
    expected: int | float | None = None  # what the first cell should be, when one value is implied
    culprit: Culprit | None = None  # the likely mistake, when unique
    ambiguous_culprits: list[Culprit] = field(default_factory=list)  # several single-cell repairs
    message_key: str = ""  # gkdesk.messages.CATALOGUE key of `message`; "" for a free text
    message_args: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if isinstance(self.message, Message):
            self.message_key, self.message_args = self.message.key, dict(self.message.args)
            self.message = self.message.text()

    def structured(self) -> Message:
        """The message as key and arguments (a free text is quoted as it is)."""
        if self.message_key:
            return Message(self.message_key, self.message_args)
        return say("verbatim", text=Quote(self.message))

    def add_note(self, note: Message) -> None:
        """Append a sentence to the message (。 between them), keeping its structure."""
        whole = say("with_note", message=self.structured(), note=note)
        self.message, self.message_key, self.message_args = whole.text(), whole.key, whole.args

    def to_json(self) -> dict:
        out = {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "cells": [list(c) for c in self.cells],
            "message": self.message,
        }
        if self.span is not None:
            out["span"] = list(self.span)
        if self.expected is not None:
            out["expected"] = self.expected
        if self.culprit is not None:
            out["culprit"] = {"cell": list(self.culprit.cell), "value": self.culprit.value}
        return out
