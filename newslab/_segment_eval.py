"""Scoring word segmentations against a reference (used by tests and benchmarks).

Words are compared as character spans over the text with spaces and `_` removed, so two
segmenters agree on a word when they put both of its boundaries at the same place, whatever
spacing they print. This is the usual word-level precision / recall / F1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def word_spans(words: Iterable[str]) -> tuple[str, set[tuple[int, int]]]:
    """Return the text without spaces/underscores and the (start, end) span of each word."""
    spans: set[tuple[int, int]] = set()
    chars: list[str] = []
    pos = 0
    for word in words:
        bare = word.replace("_", "").replace(" ", "")
        if not bare:
            continue
        chars.append(bare)
        spans.add((pos, pos + len(bare)))
        pos += len(bare)
    return "".join(chars), spans


@dataclass
class Score:
    """Running word-level counts."""

    matched: int = 0
    predicted: int = 0
    reference: int = 0
    skipped: int = 0

    def add(self, predicted: Sequence[str], reference: Sequence[str]) -> None:
        """Count one unit (sentence); skipped when the two do not cover the same characters."""
        p_text, p_spans = word_spans(predicted)
        r_text, r_spans = word_spans(reference)
        if p_text != r_text:
            self.skipped += 1
            return
        self.matched += len(p_spans & r_spans)
        self.predicted += len(p_spans)
        self.reference += len(r_spans)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.reference if self.reference else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
