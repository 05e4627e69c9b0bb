"""A fast, output-identical re-implementation of `pyvi.ViTokenizer.tokenize`.

pyvi builds a Python dict of ~15 features for every syllable, hands it to CRFsuite through
sklearn-crfsuite and joins the output with quadratic string concatenation. Here the same
model (read exactly from pyvi's own model file, see `newslab._crf`) and the same word lists
are evaluated with per-syllable caches, numpy gathers and a two-label Viterbi, in linear time.

Bit-for-bit identity matters (users compare with pyvi), so the state score of each syllable
is summed in exactly the order CRFsuite uses: attribute by attribute, in the order pyvi's
feature dict lists them; only additions of zero are skipped, which never change a float.
"""

from __future__ import annotations

import re
import string
import threading
import unicodedata
from itertools import pairwise
from pathlib import Path

import numpy as np

from newslab._crf import CRFModel, read_crf_model

# The syllable pattern pyvi applies (abbreviations, arrows and ellipsis, newlines, URLs, e-mail
# addresses, numbers with separators, single punctuation marks, runs of word characters), tried
# in this order. Reproduced here, without capturing groups, so that findall returns strings.
SYLLABLE_RE = re.compile(
    r"[A-ZĐ]+\.|Tp\.|Mr\.|Mrs\.|Ms\.|Dr\.|ThS\."
    r"|==>|->|\.\.\.|>>|\n"
    r"|\w+://[^\s]+"
    r"|[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+"
    r"|\d+(?:[\.,_]\d+)+"
    r"|[^\w\s]"
    r"|\w+"
)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_PUNCTUATION = string.punctuation


def syllables(text: str) -> tuple[str, list[str]]:
    r"""Return the NFC text and its syllables, split exactly as pyvi splits them.

    No syllable spans whitespace and only "\n" is itself a syllable, so the text is cut at
    whitespace first; a run of letters (`str.isalpha`, a subset of regex `\w`) can only match
    the final `\w+` branch whole, so the regex runs only on the other pieces. Same result as
    `SYLLABLE_RE.findall(text)`, several times faster.
    """
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    findall = SYLLABLE_RE.findall
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("\n")
        for chunk in line.split():
            if chunk.isalpha():
                out.append(chunk)
            else:
                out.extend(findall(chunk))
    return text, out


def _pyvi_resources() -> tuple[bytes, list[str]]:
    """Return pyvi's tokenizer model bytes and the lines of its word list."""
    from pyvi.ViTokenizer import ViTokenizer

    model_bytes = Path(ViTokenizer.model.modelfile.name).read_bytes()
    import pyvi

    words = Path(pyvi.__file__).parent / "models" / "words.txt"
    lines = words.read_text("utf-8").split("\n")
    return model_bytes, lines


# Columns of the per-syllable table: the syllable's own partial score (bias, word.lower(),
# isupper, istitle, isdigit, summed in that order), then what it adds as the previous syllable
# (-1:lower, -1:istitle, -1:isupper) and as the next one (+1:lower, +1:istitle, +1:isupper).
_SELF, _PREV, _NEXT = slice(0, 2), (2, 4, 6), (8, 10, 12)
_COLS = 14


class _Vocab:
    """Growing per-syllable tables; row 0 is the padding 'no syllable' entry (all zeros)."""

    def __init__(self, no_lexicon: int) -> None:
        self.index: dict[str, int] = {}
        self.rows = 1
        self.table = np.zeros((1024, _COLS))
        self.lex = np.full(1024, no_lexicon, np.int64)
        self.no_lexicon = no_lexicon
        # Syllables pyvi never glues to a neighbour, and first-character titlecase.
        self.block: list[bool] = [False]
        self.title0: list[bool] = [False]

    def grow(self) -> None:
        cap = self.table.shape[0]
        self.table = np.concatenate([self.table, np.zeros((cap, _COLS))])
        self.lex = np.concatenate([self.lex, np.full(cap, self.no_lexicon, np.int64)])


class FastTokenizer:
    """Evaluates pyvi's word-segmentation CRF quickly, with the same output.

    Args:
        model: The CRF model (pyvi's `ViTokenizer.model`, parsed by `read_crf_model`).
        word_lines: Lines of pyvi's `words.txt` (two- and three-syllable words).

    Example:
        >>> FastTokenizer.from_pyvi().tokenize("Tổng thống Nga")  # doctest: +SKIP
        'Tổng_thống Nga'
    """

    def __init__(self, model: CRFModel, word_lines: list[str]) -> None:
        if len(model.labels) != 2 or "I_W" not in model.labels:
            raise ValueError(f"expected pyvi's two-label model, got labels {model.labels}")
        self._inside = model.labels.index("I_W")
        self._state = model.state
        zero = (0.0, 0.0)
        self._w = {
            name: np.array(model.state.get(name, zero))
            for name in (
                "bias", "word.isupper()", "word.istitle()", "word.isdigit()",
                "-1:word.istitle()", "-1:word.isupper()", "-1:word.bi_gram()",
                "-2:word.tri_gram()", "+1:word.istitle()", "+1:word.isupper()",
                "+1:word.bi_gram()", "+2:word.tri_gram()",
            )
        }  # fmt: skip
        self._wf = {k: (float(x[0]), float(x[1])) for k, x in self._w.items()}
        (t00, t01), (t10, t11) = model.transition
        self._trans = (t00, t01, t10, t11)
        self._lex_index, self._grams, self._base = self._index_lexicon(word_lines)
        self._bigram_bits, self._trigram_head_bits = self._gram_bitmaps(self._grams, self._base)
        self._vocab = _Vocab(no_lexicon=self._base - 1)
        # Rows are only ever appended; the lock keeps concurrent appends (threads) consistent.
        self._lock = threading.Lock()

    @classmethod
    def from_pyvi(cls) -> FastTokenizer:
        """Build the tokenizer from the model and word list installed with pyvi."""
        model_bytes, lines = _pyvi_resources()
        return cls(read_crf_model(model_bytes), lines)

    @staticmethod
    def _index_lexicon(lines: list[str]) -> tuple[dict[str, int], np.ndarray, int]:
        # pyvi tests `" ".join(pair).lower() in words`; a lowered syllable never holds a space,
        # so this is the same as testing the tuple of lowered syllables. Entries are coded as
        # integers over an index of the syllables in the list (id `base - 1` = not in the list);
        # trigram codes are shifted past every bigram code so one sorted table holds both.
        parts = [line.split(" ") for line in lines]
        grams = [p for p in parts if len(p) in (2, 3)]
        index: dict[str, int] = {}
        for gram in grams:
            for syl in gram:
                index.setdefault(syl, len(index))
        base = len(index) + 1
        codes = {index[g[0]] * base + index[g[1]] for g in grams if len(g) == 2}
        codes |= {
            base * base + (index[g[0]] * base + index[g[1]]) * base + index[g[2]]
            for g in grams
            if len(g) == 3
        }
        # A final sentinel larger than any query keeps searchsorted results in range.
        table = np.array([*sorted(codes), np.iinfo(np.int64).max], np.int64)
        return index, table, base

    @staticmethod
    def _gram_bitmaps(table: np.ndarray, base: int) -> tuple[np.ndarray, np.ndarray]:
        # Bit sets over pair codes (a * base + b, a few MB): the two-syllable words, and the
        # first two syllables of the three-syllable ones. A bit test is exact and much faster
        # than a binary search in `table`, which is left for the few trigram candidates.
        codes = table[:-1]
        square = base * base
        bigrams = codes[codes < square]
        heads = (codes[codes >= square] - square) // base
        out = []
        for c in (bigrams, heads):
            bits = np.zeros(square // 8 + 1, np.uint8)
            np.bitwise_or.at(bits, c >> 3, (1 << (c & 7)).astype(np.uint8))
            out.append(bits)
        return out[0], out[1]

    def _weights(self, attribute: str) -> tuple[float, float]:
        # CRFsuite looks attributes up as C strings: everything after a NUL byte is ignored.
        return self._state.get(attribute.split("\x00", 1)[0], (0.0, 0.0))

    def _add(self, token: str) -> int:
        with self._lock:
            row = self._vocab.index.get(token)
            return row if row is not None else self._add_row(token)

    def _add_row(self, token: str) -> int:
        v = self._vocab
        if v.rows == v.table.shape[0]:
            v.grow()
        row = v.rows
        low = token.lower()
        upper, title = token.isupper(), token.istitle()
        digit = token.isdigit()
        w = self._wf
        zero = (0.0, 0.0)
        lower_w = self._weights("word.lower():" + low)
        values: list[float] = []
        for lab in (0, 1):
            # Same order and same float additions as CRFsuite over pyvi's feature dict.
            s = 0.0 + w["bias"][lab]
            s += lower_w[lab]
            if upper:
                s += w["word.isupper()"][lab]
            if title:
                s += w["word.istitle()"][lab]
            if digit:
                s += w["word.isdigit()"][lab]
            values.append(s)
        values += self._weights("-1:word.lower():" + low)
        values += w["-1:word.istitle()"] if title else zero
        values += w["-1:word.isupper()"] if upper else zero
        values += self._weights("+1:word.lower():" + low)
        values += w["+1:word.istitle()"] if title else zero
        values += w["+1:word.isupper()"] if upper else zero
        v.table[row] = values
        v.lex[row] = self._lex_index.get(low, v.no_lexicon)
        # pyvi never joins across punctuation (a substring test on string.punctuation) or
        # digits, nor a capitalised syllable onto a lowercase one.
        v.title0.append(token[0].istitle())
        v.block.append(token in _PUNCTUATION or token[0].isdigit())
        v.index[token] = row
        v.rows += 1
        return row

    def joins(self, tokens: list[str]) -> list[bool]:
        """For each syllable after the first: is it glued to the previous one with `_`?"""
        get = self._vocab.index.get
        ids = [get(t) or self._add(t) for t in tokens]
        s0, s1 = self._scores(np.array(ids, np.intp))
        return self._viterbi(s0, s1, ids)

    def joins_many(self, sentences: list[list[str]]) -> list[list[bool]]:
        """`joins` for several independent token sequences, sharing one numpy pass.

        The sequences are laid end to end with a padding row between them; the padding adds
        zero to every score and matches no word-list entry, so each sequence is decoded
        exactly as if it were alone.
        """
        get = self._vocab.index.get
        add = self._add
        ids: list[int] = []
        bounds: list[tuple[int, int]] = []
        for toks in sentences:
            start = len(ids)
            ids.extend([get(t) or add(t) for t in toks])
            bounds.append((start, len(ids)))
            ids.append(0)
        if not ids:
            return []
        s0, s1 = self._scores(np.array(ids, np.intp))
        return [
            self._viterbi(s0[a:b], s1[a:b], ids[a:b]) if b > a else [] for a, b in bounds
        ]

    def joins_flat(self, tokens: list[str], starts: list[int]) -> list[bool]:
        """`joins` for sentences laid end to end, as one flag per syllable.

        Args:
            tokens: The syllables of all sentences, in order.
            starts: Index in `tokens` of each sentence's first syllable (ascending, from 0).

        Returns:
            For each syllable: is it glued to the previous one with `_`? (never at a sentence
            start). The same decisions as `joins` on each sentence alone: one numpy pass for
            the scores (as in `joins_many`), then `_viterbi`'s steps, inlined.
        """
        n = len(tokens)
        if not n:
            return []
        v = self._vocab
        ids = list(map(v.index.get, tokens))
        if None in ids:
            add = self._add
            ids = [i or add(t) for i, t in zip(ids, tokens, strict=True)]
        bounds = [*starts, n]
        padded: list[int] = []
        for a, b in pairwise(bounds):
            padded += ids[a:b]
            padded.append(0)  # the padding row of `joins_many`: scores as if alone
        s0, s1 = self._scores(np.array(padded, np.intp))
        t00, t01, t10, t11 = self._trans
        inside = self._inside
        block, title0 = v.block, v.title0
        out: list[bool] = []
        p = 0  # where the sentence starts in the padded scores
        for a, b in pairwise(bounds):
            # Forward: the same float operations as `_viterbi`; the two back-pointers of
            # each step packed in one int (bit k: best previous label when this one is k).
            a0, a1 = s0[p], s1[p]
            back: list[int] = []
            put = back.append
            for u0, u1 in zip(s0[p + 1 : p + b - a], s1[p + 1 : p + b - a], strict=True):
                x, y = a0 + t00, a1 + t10
                z, w = a0 + t01, a1 + t11
                if x < y:
                    a0 = y + u0
                    c = 1
                else:
                    a0 = x + u0
                    c = 0
                if z < w:
                    a1 = w + u1
                    c += 2
                else:
                    a1 = z + u1
                put(c)
            # Backward, with pyvi's output rule (see `_viterbi`).
            lab = 1 if a0 < a1 else 0
            joins = [False] * (b - a)
            t = b - 1
            for c in reversed(back):
                if lab == inside:
                    cur, prv = ids[t], ids[t - 1]
                    if not (block[cur] or block[prv] or (title0[cur] and not title0[prv])):
                        joins[t - a] = True
                lab = (c >> lab) & 1
                t -= 1
            out += joins
            p += b - a + 1
        return out

    def _scores(self, idx: np.ndarray) -> tuple[list[float], list[float]]:
        """State scores of both labels for each syllable."""
        n = len(idx)
        v = self._vocab
        g = v.table[idx]
        lex = v.lex[idx]
        base = self._base
        pair = lex[:-1] * base + lex[1:]
        bigram = ((self._bigram_bits[pair >> 3] >> (pair & 7)) & 1).astype(bool)[:, None]
        lead = pair[:-1]
        cand = np.flatnonzero((self._trigram_head_bits[lead >> 3] >> (lead & 7)) & 1)
        trigram = np.zeros((n - 2 if n > 2 else 0, 1), bool)
        if len(cand):
            query = lead[cand] * base + lex[2:][cand] + base * base
            trigram[cand, 0] = self._grams[np.searchsorted(self._grams, query)] == query
        w = self._w

        s = g[:, 0:2].copy()
        head, tail = s[1:], s[:-1]
        head += g[:-1, 2:4]
        head += g[:-1, 4:6]
        head += g[:-1, 6:8]
        head += bigram * w["-1:word.bi_gram()"]
        s[2:] += trigram * w["-2:word.tri_gram()"]
        tail += g[1:, 8:10]
        tail += g[1:, 10:12]
        tail += g[1:, 12:14]
        tail += bigram * w["+1:word.bi_gram()"]
        s[:-2] += trigram * w["+2:word.tri_gram()"]
        s0, s1 = s.T.tolist()
        return s0, s1

    def _viterbi(self, s0: list[float], s1: list[float], ids: list[int]) -> list[bool]:
        # CRFsuite's Viterbi for two labels; on ties the lower label id wins, as in CRFsuite.
        # Then pyvi's output rule: an I_W syllable is glued to the previous one unless either
        # is punctuation or starts with a digit, or a titlecase one follows a lowercase one.
        t00, t01, t10, t11 = self._trans
        n = len(s0)
        a0, a1 = s0[0], s1[0]
        back0 = [0] * n
        back1 = [0] * n
        for t in range(1, n):
            x, y = a0 + t00, a1 + t10
            if x < y:
                back0[t] = 1
                m0 = y
            else:
                m0 = x
            x, y = a0 + t01, a1 + t11
            if x < y:
                back1[t] = 1
                m1 = y
            else:
                m1 = x
            a0 = m0 + s0[t]
            a1 = m1 + s1[t]
        lab = 1 if a0 < a1 else 0
        inside = self._inside
        block, title0 = self._vocab.block, self._vocab.title0
        joins = [False] * (n - 1)
        for t in range(n - 1, 0, -1):
            if lab == inside:
                cur, prv = ids[t], ids[t - 1]
                if not (block[cur] or block[prv] or (title0[cur] and not title0[prv])):
                    joins[t - 1] = True
            lab = back1[t] if lab else back0[t]
        return joins

    def tokenize(self, text: str) -> str:
        """Segment `text` exactly as `pyvi.ViTokenizer.tokenize` does.

        Args:
            text: Any string.

        Returns:
            pyvi's output string: syllables of a word joined by `_`, tokens by spaces.
        """
        if _SURROGATE_RE.search(text):
            # pyvi fails on lone surrogates (UTF-8 encoding); let it fail the same way.
            from pyvi.ViTokenizer import ViTokenizer

            return ViTokenizer.tokenize(text)
        _, toks = syllables(text)
        if not toks:
            return text
        joins = self.joins(toks)
        parts = [" "] * (2 * len(toks) - 1)
        parts[::2] = toks
        parts[1::2] = ["_" if j else " " for j in joins]
        return "".join(parts)

    def tokenize_batch(self, texts: list[str]) -> list[str]:
        """`tokenize` for many texts, with one numpy pass for the whole batch (same output)."""
        out: list[str | None] = []
        pending: list[tuple[int, list[str]]] = []
        for text in texts:
            if _SURROGATE_RE.search(text):
                out.append(self.tokenize(text))  # raises, as pyvi does
                continue
            toks = syllables(text)[1]
            out.append(None if toks else text)
            if toks:
                pending.append((len(out) - 1, toks))
        all_joins = self.joins_many([toks for _, toks in pending])
        for (pos, toks), joins in zip(pending, all_joins, strict=True):
            parts = [" "] * (2 * len(toks) - 1)
            parts[::2] = toks
            parts[1::2] = ["_" if j else " " for j in joins]
            out[pos] = "".join(parts)
        return out  # type: ignore[return-value]
