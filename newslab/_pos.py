"""A fast, output-identical re-implementation of pyvi's part-of-speech tagger.

`pyvi.ViPosTagger.postagging_tokens` builds a Python dict of ~20 features per word and runs
CRFsuite's Viterbi through sklearn-crfsuite. Here the same model (exact float64 weights read
from pyvi's own model file by `newslab._crf`) is evaluated with per-word caches and numpy.

State scores are bit-identical to CRFsuite's: they are summed attribute by attribute in the
order of pyvi's feature dict (only additions of zero are skipped, which never change a float).
Decoding is split at "anchors": words whose scores favour one tag by so much that every best
path must pass through it whatever came before (a bound from the transition weights; about 3
words in 4), so in real arithmetic the short stretches between anchors decode independently,
all stretches of all texts advancing together in numpy. Each decision on the returned path
is then certified against a bound on the floating-point error of both CRFsuite's running sums
and ours; a text with a decision closer than that bound (1 of 2,653 test articles, a real
near-tie of 6e-9) is decoded with CRFsuite's step-by-step Viterbi instead, so the tags are
always pyvi's.

References:
    Lafferty, J., McCallum, A., Pereira, F. "Conditional Random Fields: Probabilistic Models
    for Segmenting and Labeling Sequence Data", ICML 2001.
    Okazaki, N. "CRFsuite: a fast implementation of Conditional Random Fields", 2007
    (crf1d_context.c: the Viterbi recursion and its tie-breaking reproduced here).
"""

from __future__ import annotations

import re
import string
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newslab._crf import CRFModel, read_crf_model

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# pyvi's `ViPosTagger.filtered_tags`.
_FILTERED = frozenset(string.punctuation) | {"\u2026", "\u201d", "\u201c", "\u2019", "..."}
# Unit roundoff of float64.
_U = 2.0**-53
# Words per numpy pass in `tag_many` (bounds the memory of the temporary arrays).
_BATCH_WORDS = 50_000
# From this many stretches on, the forward pass loops over predecessor tags (faster in numpy).
_WIDE = 256
_CHAIN_PASSES = 4


def _pyvi_model_bytes() -> bytes:
    """Return the bytes of the CRFsuite model inside pyvi's `pyvipos3.pkl`."""
    from pyvi.ViPosTagger import ViPosTagger

    # sklearn-crfsuite writes the model it unpickles to a temporary file and keeps its name.
    return Path(ViPosTagger.model.modelfile.name).read_bytes()


class _Words:
    """Growing per-word tables; row 0 is the padding 'no word' entry (all zeros)."""

    def __init__(self, labels: int) -> None:
        self.index: dict[str, int] = {}
        self.rows = 1
        self.own = np.zeros((1024, labels))  # the word's own features, summed
        self.ctx = np.zeros((1024, 4), np.intp)  # attribute rows of -1/-2/+1/+2:word.lower()
        self.flags = np.zeros((1024, 4), np.intp)  # istitle, [:1].isdigit, [:3].isupper, isupper

    def reserve(self, extra: int) -> None:
        need = self.rows + extra
        cap = self.own.shape[0]
        if need <= cap:
            return
        while cap < need:
            cap *= 2
        for name in ("own", "ctx", "flags"):
            old = getattr(self, name)
            new = np.zeros((cap, *old.shape[1:]), old.dtype)
            new[: old.shape[0]] = old
            setattr(self, name, new)


class FastPosTagger:
    """Evaluates pyvi's part-of-speech CRF quickly, with the same output.

    Args:
        model: The CRF model (pyvi's `ViPosTagger.model`, parsed by `read_crf_model`).

    Example:
        >>> tagger = FastPosTagger.from_pyvi()  # doctest: +SKIP
        >>> tagger.tag(["Hà_Nội", "đẹp"])  # doctest: +SKIP
        ['Np', 'A']
    """

    def __init__(self, model: CRFModel) -> None:
        self.labels = model.labels
        self._names = np.array(model.labels, dtype=object)
        n_labels = len(model.labels)
        names = list(model.state)
        self._attr = {name: i + 1 for i, name in enumerate(names)}
        weights = np.zeros((len(names) + 1, n_labels))
        if names:
            weights[1:] = np.array([model.state[name] for name in names])
        self._weights = weights
        zero = np.zeros(n_labels)

        def vec(name: str) -> np.ndarray:
            return np.array(model.state.get(name, zero), dtype=float)

        def table(name: str) -> np.ndarray:
            # Row 0: the boolean feature is False (CRFsuite adds weight * 0.0, i.e. nothing).
            return np.stack([zero, vec(name)])

        def flag(col: int, name: str) -> list[tuple[int, np.ndarray]]:
            # A feature the model never saw adds nothing; skip its pass.
            return [(col, vec(name))] if name in model.state else []

        self._bias = vec("bias")
        self._own_flags = [
            table(name)
            for name in ("word.istitle()", "word.isdigit()", "word[:1].isdigit()",
                         "word[:3].isupper()", "word.isfiltered")
        ]  # fmt: skip
        # (column in _Words.flags, weights) in pyvi's feature order for each neighbour.
        title, digit1, upper3, upper = 0, 1, 2, 3
        self._prev1 = (flag(title, "-1:word.istitle()") + flag(digit1, "-1:word[:1].isdigit()")
                       + flag(upper3, "-1:word[:3].isupper()"))  # fmt: skip
        self._prev2 = flag(title, "-2:word.istitle()") + flag(upper, "-2:word.isupper()")
        self._next1 = (flag(title, "+1:word.istitle()") + flag(digit1, "+1:word[:1].isdigit()")
                       + flag(upper, "+1:word.isupper()"))  # fmt: skip
        self._next2 = flag(title, "+2:word.istitle()") + flag(upper, "+2:word.isupper()")
        self._bos, self._eos = vec("BOS"), vec("EOS")

        trans = np.array(model.transition, dtype=float)
        self._trans = trans
        self._trans_t = np.ascontiguousarray(trans.T)
        # A row of zeros as the "transition" into a text's first word.
        self._trans_in = np.vstack([trans, zero])
        # Anchor bounds. After word t, every next tag j prefers coming from tag b over tag i
        # if score[t, b] - score[t, i] > max_j (T[i, j] - T[b, j]) = _reach[b, i]; the part of
        # score[t] that comes from word t - 1 favours b over i by at least
        # min_k (T[k, b] - T[k, i]), which _reach_mid subtracts.
        reach = (trans[None, :, :] - trans[:, None, :]).max(axis=2)
        gain = (trans[:, :, None] - trans[:, None, :]).min(axis=0)
        np.fill_diagonal(reach, -np.inf)
        self._reach_first = reach
        self._reach_mid = reach - gain
        np.fill_diagonal(self._reach_mid, -np.inf)
        self._tmax = float(np.abs(trans).max())
        self._words = _Words(n_labels)
        self._lock = threading.Lock()

    @classmethod
    def from_pyvi(cls) -> FastPosTagger:
        """Build the tagger from the model installed with pyvi."""
        return cls(read_crf_model(_pyvi_model_bytes()))

    # -- features ------------------------------------------------------------------------

    def _lookup(self, words: list[str]) -> list[int] | None:
        """Row ids of `words`, adding unseen ones; None if an unseen word is not plain text.

        pyvi fails on lone surrogates (UTF-8 encoding) and on non-strings; such words are
        never cached, so the caller can hand the sequence to pyvi and fail the same way.
        """
        index = self._words.index
        ids = list(map(index.get, words))
        if None in ids:
            new = [w for w in dict.fromkeys(words) if w not in index]
            if any(not isinstance(w, str) or _SURROGATE_RE.search(w) for w in new):
                return None
            with self._lock:
                new = [w for w in new if w not in index]
                if new:
                    self._add(new)
            ids = [index[w] for w in words]
        return ids

    def _add(self, new: list[str]) -> None:
        v = self._words
        v.reserve(len(new))
        start, k = v.rows, len(new)
        get = self._attr.get
        ids: list[tuple[int, ...]] = []
        flags: list[tuple[bool, ...]] = []
        for word in new:
            low = word.lower()
            if "\x00" in low:
                # CRFsuite looks attributes up as C strings: a NUL byte ends the name.
                low = low.split("\x00", 1)[0]
            ids.append((get("word.lower():" + low, 0), get("-1:word.lower():" + low, 0),
                        get("-2:word.lower():" + low, 0), get("+1:word.lower():" + low, 0),
                        get("+2:word.lower():" + low, 0)))  # fmt: skip
            title, digit1, upper3 = word.istitle(), word[:1].isdigit(), word[:3].isupper()
            flags.append((title, digit1, upper3, word.isupper(), word.isdigit(), word in _FILTERED))
        id_arr = np.array(ids, np.intp).reshape(k, 5)
        flag_arr = np.array(flags, np.intp).reshape(k, 6)
        # CRFsuite's order: bias, word.lower(), istitle, isdigit, [:1].isdigit,
        # [:3].isupper, isfiltered.
        own = np.zeros((k, len(self.labels))) + self._bias
        own += self._weights[id_arr[:, 0]]
        for col, tab in zip((0, 4, 1, 2, 5), self._own_flags, strict=True):
            own += tab[flag_arr[:, col]]
        v.own[start : start + k] = own
        v.ctx[start : start + k] = id_arr[:, 1:]
        v.flags[start : start + k] = flag_arr[:, :4]
        v.index.update(zip(new, range(start, start + k), strict=True))
        v.rows += k

    def _scores(self, idx: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """State scores for words laid out with two padding rows before and after each text.

        Each row receives CRFsuite's additions in pyvi's feature order; a boolean feature that
        is False adds weight * 0.0, which changes nothing, so only rows where it is True are
        touched. The padding rows (id 0) have no features, so texts do not see each other.
        """
        v = self._words
        w = self._weights
        s = v.own.take(idx, axis=0)
        s[starts] += self._bos
        ctx = v.ctx.take(idx, axis=0)
        on = [np.flatnonzero(col) for col in v.flags.take(idx, axis=0).T]

        def add_flags(block: list[tuple[int, np.ndarray]], shift: int) -> None:
            # Real words are at least two rows from either end, so shifted rows stay inside.
            for col, vec in block:
                s[on[col] + shift] += vec

        s[1:] += w.take(ctx[:-1, 0], axis=0)
        add_flags(self._prev1, 1)
        s[2:] += w.take(ctx[:-2, 1], axis=0)
        add_flags(self._prev2, 2)
        s[:-1] += w.take(ctx[1:, 2], axis=0)
        add_flags(self._next1, -1)
        s[:-2] += w.take(ctx[2:, 3], axis=0)
        add_flags(self._next2, -2)
        s[ends] += self._eos
        return s

    # -- decoding ------------------------------------------------------------------------

    def _viterbi_exact(self, s: np.ndarray) -> np.ndarray:
        """CRFsuite's Viterbi step by step (first maximum wins ties), for uncertain texts."""
        n, n_labels = s.shape
        trans = self._trans
        cols = np.arange(n_labels)
        back = np.zeros((n, n_labels), np.intp)
        alpha = s[0].copy()
        for t in range(1, n):
            cand = alpha[:, None] + trans
            b = cand.argmax(axis=0)
            back[t] = b
            alpha = cand[b, cols] + s[t]
        lab = int(alpha.argmax())
        out = np.full(n, lab)
        for t in range(n - 1, 0, -1):
            lab = int(back[t, lab])
            out[t - 1] = lab
        return out

    def _decode(
        self, s: np.ndarray, first: np.ndarray, last: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Decode texts laid end to end in `s` (rows of real words only).

        Args:
            s: State scores, one row per word.
            first: Marks each text's first word.
            last: Marks each text's last word.

        Returns:
            The tag id of every word and a mask that is False at the first word of each text
            whose decoding could not be certified (the caller decodes it step by step).
        """
        n, n_labels = s.shape
        best = s.argmax(axis=1)
        lead = s.max(axis=1)[:, None] - s
        reach = self._reach_mid[best]
        at_first = np.flatnonzero(first)
        reach[at_first] = self._reach_first[best[at_first]]
        # Bound on the rounding error of CRFsuite's running sums (|A - exact| <= 3u n sum|.|)
        # and of ours, with n the longest text and sum|.| <= n (max|s| + max|T|) + max|T|;
        # decisions closer than `tol` are not trusted.
        longest = int(np.diff(np.append(at_first, n)).max())
        scale = max(float(s.max()), -float(s.min())) + self._tmax
        tol = 16 * _U * longest * (longest * scale + self._tmax) + 1e-9
        anchor = (lead > reach + tol).all(axis=1)
        anchor &= ~last
        # Right after an anchor with tag c, the scores of word t are known up to a constant
        # (T[c] + s[t]), so the exact bound applies; repeat while new anchors appear.
        undecided = ~(anchor | last)
        reach_first = self._reach_first + tol
        nxt = np.flatnonzero(anchor[:-1] & undecided[1:]) + 1
        for _ in range(_CHAIN_PASSES):
            if not len(nxt):
                break
            shape = self._trans[best[nxt - 1]] + s[nxt]
            tag = shape.argmax(axis=1)
            new = (shape[np.arange(len(nxt)), tag][:, None] - shape > reach_first[tag]).all(axis=1)
            nxt = nxt[new]
            best[nxt] = tag[new]
            anchor[nxt] = True
            undecided[nxt] = False
            # A text's last word is never undecided, so nxt + 1 stays inside the text.
            nxt = nxt + 1
            nxt = nxt[undecided[nxt]]
        labels = np.where(anchor, best, 0)

        # Stretches: each ends at an anchor (its tag known) or at a text's last word.
        end = anchor | last
        seg_end = np.flatnonzero(end)
        seg_start = np.empty_like(seg_end)
        seg_start[0] = 0
        seg_start[1:] = seg_end[:-1] + 1
        seg_len = seg_end - seg_start + 1
        free = last[seg_end]
        # A stretch of one word ending at an anchor is that anchor: nothing to decode.
        work = np.flatnonzero((seg_len > 1) | free)
        ok = np.ones(n, bool)
        if len(work):
            order = work[np.argsort(-seg_len[work], kind="stable")]
            start = seg_start[order]
            # Tag coming into the stretch: the previous anchor's, or "text start".
            into = np.where(first[start], n_labels, best[np.maximum(start - 1, 0)])
            bad = self._decode_stretches(
                s, labels, start, seg_len[order], into, free[order], seg_end[order], tol
            )
            # Whole texts are redone: mark the first word of each text with a bad decision.
            ok[at_first[np.searchsorted(at_first, bad, side="right") - 1]] = False
        return labels, ok

    def _decode_stretches(
        self,
        s: np.ndarray,
        labels: np.ndarray,
        start: np.ndarray,
        length: np.ndarray,
        into: np.ndarray,
        free: np.ndarray,
        end: np.ndarray,
        tol: float,
    ) -> np.ndarray:
        """Viterbi over stretches sorted by decreasing length, all advanced together.

        Writes the tags into `labels` and returns the start rows of stretches with a decision
        that could not be certified.
        """
        trans, trans_t = self._trans, self._trans_t
        n_seg = len(start)
        max_len = int(length[0])
        alpha = np.empty((n_seg, max_len, trans.shape[0]))
        # Stretches still running at step tau are a prefix (sorted by length).
        active = np.searchsorted(-length, -np.arange(1, max_len + 1), side="right")
        alpha[:, 0] = self._trans_in[into] + s[start]
        n_labels = trans.shape[0]
        for tau in range(1, max_len):
            k = int(active[tau])
            prev = alpha[:k, tau - 1]
            if k < _WIDE:
                best = (prev[:, :, None] + trans).max(axis=1)
            else:
                # Many rows: one predecessor tag at a time keeps the temporaries small.
                best = prev[:, 0, None] + trans[0]
                for i in range(1, n_labels):
                    np.maximum(best, prev[:, i, None] + trans[i], out=best)
            np.add(best, s[start[:k] + tau], out=alpha[:k, tau])
        # The last tag: the anchor's, or the best final score (certified below).
        seg_rows = np.arange(n_seg)
        path = np.empty((n_seg, max_len), np.intp)
        final = alpha[seg_rows, length - 1]
        path[seg_rows, length - 1] = np.where(free, final.argmax(axis=1), labels[end])
        # Back-pointers recomputed only along the path: the same sums as in the forward pass,
        # so the same first maximum.
        for tau in range(max_len - 1, 0, -1):
            k = int(active[tau])
            cand = alpha[:k, tau - 1] + trans_t[path[:k, tau]]
            path[:k, tau - 1] = cand.argmax(axis=1)
        # Certify every decision: the chosen tag beats every other by more than `tol`.
        rr, tt = np.nonzero(np.arange(max_len) < length[:, None])
        labels[start[rr] + tt] = path[rr, tt]
        inner = tt > 0
        rr, tt = rr[inner], tt[inner]
        cand = alpha[rr, tt - 1] + trans_t[path[rr, tt]]
        chosen = path[rr, tt - 1]
        ar = np.arange(len(rr))
        top = cand[ar, chosen]
        cand[ar, chosen] = -np.inf
        bad = rr[top - cand.max(axis=1) <= tol]
        fr = np.flatnonzero(free)
        fin = final[fr]
        ar = np.arange(len(fr))
        choice = path[fr, length[fr] - 1]
        top = fin[ar, choice]
        fin[ar, choice] = -np.inf
        bad_final = fr[top - fin.max(axis=1) <= tol]
        return start[np.concatenate([bad, bad_final])]

    # -- public --------------------------------------------------------------------------

    def tag(self, words: Sequence[str]) -> list[str]:
        """Tag one sequence of words exactly as `pyvi.ViPosTagger.postagging_tokens` does.

        Args:
            words: Words (syllables joined by `_`), tagged as one sequence.

        Returns:
            One tag per word, from pyvi's tag set (`N`, `Np`, `V`, `A`, `F` punctuation, ...).

        Example:
            >>> FastPosTagger.from_pyvi().tag(["Hà_Nội", "đẹp"])  # doctest: +SKIP
            ['Np', 'A']
        """
        return self.tag_many([words])[0]

    def tag_many(self, sequences: Sequence[Sequence[str]]) -> list[list[str]]:
        """`tag` for many independent sequences, sharing numpy passes (same output).

        Args:
            sequences: Word sequences; each is tagged on its own.

        Returns:
            One list of tags per sequence.
        """
        out: list[list[str]] = []
        batch: list[Sequence[str]] = []
        size = 0
        for words in sequences:
            batch.append(words)
            size += len(words) + 2
            if size >= _BATCH_WORDS:
                out.extend(self._tag_batch(batch))
                batch, size = [], 0
        if batch:
            out.extend(self._tag_batch(batch))
        return out

    def _tag_batch(self, sequences: list[Sequence[str]]) -> list[list[str]]:
        results: list[list[str] | None] = [None] * len(sequences)
        todo: list[int] = []
        lens: list[int] = []
        # Layout: two padding rows (id 0, no features) before every text and at the end.
        flat: list[int] = [0, 0]
        for i, words in enumerate(sequences):
            words = words if isinstance(words, list) else list(words)
            if not words:
                results[i] = []
                continue
            ids = self._lookup(words)
            if ids is None:
                from pyvi.ViPosTagger import ViPosTagger

                results[i] = list(ViPosTagger.postagging_tokens(words)[1])
                continue
            todo.append(i)
            lens.append(len(ids))
            flat += ids
            flat += (0, 0)
        if not todo:
            return results  # type: ignore[return-value]
        idx = np.array(flat, np.intp)
        size = np.array(lens)
        after = np.cumsum(size + 2)  # padded index of the row after each text's last word
        s = self._scores(idx, after - size, after - 1)
        s = s[idx != 0]
        bounds = np.concatenate(([0], np.cumsum(size)))
        first = np.zeros(len(s), bool)
        first[bounds[:-1]] = True
        last = np.zeros(len(s), bool)
        last[bounds[1:] - 1] = True
        labels, ok = self._decode(s, first, last)
        names = self._names
        for i, a, b in zip(todo, bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            tags = labels[a:b] if ok[a] else self._viterbi_exact(s[a:b])
            results[i] = names[tags].tolist()
        return results  # type: ignore[return-value]
