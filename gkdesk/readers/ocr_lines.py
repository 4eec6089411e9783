"""Read cropped text lines with RapidOCR's recognition model, keeping for each character the
recognizer's own alternatives.

The model reads an image 48 pixels high and any width; RapidOCR pads every crop to at least
320 pixels, so a table cell's lone figure costs as much as a line of text. Here a crop is
padded only to MIN_WIDTH (measured on a table page of 261 crops: 4.1 s -> 3.2 s of CPU, the
same readings). Narrower still, the model reads a lone 0 as the letter o more often and less
surely; a figure's characters are therefore decided among the digits (ocr.py), for which each
character keeps the digits' probabilities at its place.

CTC decoding is done here rather than by RapidOCR so each character keeps, besides its
probability, the next likeliest characters at the same place: a figure the model was unsure of
can then be decided among its alternatives by the table's relations (readers/scan_provenance.py).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

# The least width a crop is padded to (pixels at the model's height). RapidOCR's 320 is the
# width the model was trained at; below about 200 a lone figure is read worse (measured on the
# scan corpus, benchmarks/bench_ocr.py).
MIN_WIDTH = 240
# Crops read in one run (padded to the widest of them): one was the fastest, measured.
BATCH = 1
# Alternatives kept per character: at most this many, each at least this probable.
ALTERNATIVES = 3
MIN_ALTERNATIVE = 0.01
DIGITS = "0123456789"


@dataclass
class ReadChar:
    text: str
    prob: float
    centre: float  # where it stands along its crop's width, 0 (left) .. 1 (right)
    alternatives: tuple[tuple[str, float], ...] = ()  # the next likeliest characters there
    digits: tuple[float, ...] = ()  # each digit's probability there (DIGITS order)


@dataclass
class ReadLine:
    chars: list[ReadChar] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)

    @property
    def score(self) -> float:
        return sum(c.prob for c in self.chars) / len(self.chars) if self.chars else 0.0


def read_lines(engine, crops) -> list[ReadLine]:
    """Each crop (an RGB uint8 array, a line of text turned level) read as a ReadLine."""
    import numpy as np

    rec = engine.text_rec
    _, height, _ = rec.rec_image_shape
    alphabet = rec.postprocess_op.character
    digit_classes = [alphabet.index(d) for d in DIGITS]
    resized = [_resize(crop, height) for crop in crops]
    out = [ReadLine() for _ in crops]
    order = sorted(range(len(crops)), key=lambda k: resized[k].shape[2])
    for b in range(0, len(order), BATCH):
        batch = order[b : b + BATCH]
        width = max(MIN_WIDTH, max(resized[k].shape[2] for k in batch))
        images = np.zeros((len(batch), 3, height, width), dtype=np.float32)  # 0: RapidOCR's padding
        for i, k in enumerate(batch):
            images[i, :, :, : resized[k].shape[2]] = resized[k]
        probs = rec.session(images)[0]
        for i, k in enumerate(batch):
            w = resized[k].shape[2]
            for ch, x in _decode(probs[i], width, alphabet, digit_classes):
                ch.centre = min(1.0, max(0.0, x / w))
                out[k].chars.append(ch)
    for line in out:
        _trim_spaces(line)
    return out


def _resize(crop, height: int):
    """A crop at the model's height, normalized as RapidOCR does (channels first, -1 .. 1)."""
    import cv2
    import numpy as np

    h, w = crop.shape[:2]
    width = max(1, int(math.ceil(height * w / max(1, h))))
    img = cv2.resize(crop, (width, height)).astype(np.float32)
    return (img.transpose((2, 0, 1)) / 255.0 - 0.5) / 0.5


def _decode(probs, width: int, alphabet: list[str], digit_classes: list[int]):
    """CTC greedy decoding of one run's (frames x classes) probabilities: each character with
    its x (pixels along the run), its probability (the best frame of its run of frames) and
    the other likely characters at that frame. Class 0 is CTC's blank."""
    import numpy as np

    best = probs.argmax(axis=1)
    frames = len(best)
    t = 0
    while t < frames:
        c = int(best[t])
        end = t + 1
        while end < frames and best[end] == c:
            end += 1
        if c != 0:
            peak = t + int(np.argmax(probs[t:end, c]))
            top = np.argpartition(probs[peak], -(ALTERNATIVES + 2))[-(ALTERNATIVES + 2) :]
            order = top[np.argsort(probs[peak, top])[::-1]]
            alternatives = tuple(
                (alphabet[int(o)], float(probs[peak, o]))
                for o in order
                if int(o) not in (0, c) and probs[peak, o] >= MIN_ALTERNATIVE
            )[:ALTERNATIVES]
            x = (peak + 0.5) * width / frames
            digits = tuple(float(probs[peak, d]) for d in digit_classes)
            yield ReadChar(alphabet[c], float(probs[peak, c]), 0.0, alternatives, digits), x
        t = end


def _trim_spaces(line: ReadLine) -> None:
    while line.chars and line.chars[0].text.isspace():
        line.chars.pop(0)
    while line.chars and line.chars[-1].text.isspace():
        line.chars.pop()
