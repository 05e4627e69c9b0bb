"""Read a CRFsuite (crf1d) model file into plain Python tables.

`pycrfsuite.Tagger.info()` prints weights with six decimals, which is not enough to reproduce
the tagger's decisions bit for bit; this reader takes the exact float64 weights from the binary
file instead. It backs the fast pyvi-compatible tokenizer in `newslab._tokenizer`.

References:
    Okazaki, N. "CRFsuite: a fast implementation of Conditional Random Fields", 2007
    (file layout: crf1d_model.c and cqdb.c in the CRFsuite sources).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True)
class CRFModel:
    """The parts of a linear-chain CRF model that decoding needs.

    Attributes:
        labels: Label names by label id.
        state: Attribute name -> weight per label id (0.0 where the model has no feature).
        transition: `transition[i][j]` is the weight of moving from label i to label j.
    """

    labels: tuple[str, ...]
    state: dict[str, tuple[float, ...]]
    transition: tuple[tuple[float, ...], ...]


def _u32(data: bytes, offset: int) -> int:
    return struct.unpack_from("<I", data, offset)[0]


def _read_cqdb(data: bytes, start: int) -> list[str]:
    """Return the strings of a CQDB chunk, indexed by their id."""
    if data[start : start + 4] != b"CQDB":
        raise ValueError(f"not a CQDB chunk at byte {start}")
    bwd_size = _u32(data, start + 16)
    bwd_offset = _u32(data, start + 20)
    names: list[str] = []
    for i in range(bwd_size):
        rec = start + _u32(data, start + bwd_offset + 4 * i)
        ksize = _u32(data, rec + 4)
        # ksize counts the terminating NUL byte.
        names.append(data[rec + 8 : rec + 8 + ksize - 1].decode("utf-8", "surrogateescape"))
    return names


def read_crf_model(data: bytes) -> CRFModel:
    """Parse the bytes of a CRFsuite crf1d model file.

    Args:
        data: Contents of a `.crfsuite` model file.

    Returns:
        The model's labels, state weights per attribute and transition weights.

    Example:
        >>> from pyvi.ViTokenizer import ViTokenizer
        >>> raw = open(ViTokenizer.model.modelfile.name, "rb").read()  # doctest: +SKIP
        >>> read_crf_model(raw).labels  # doctest: +SKIP
        ('B_W', 'I_W')
    """
    if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
        raise ValueError("not a CRFsuite crf1d model (bad magic bytes)")
    num_labels = _u32(data, 20)
    num_attrs = _u32(data, 24)
    off_features, off_labels, off_attrs = _u32(data, 28), _u32(data, 32), _u32(data, 36)
    labels = tuple(_read_cqdb(data, off_labels))
    attrs = _read_cqdb(data, off_attrs)
    if len(labels) != num_labels or len(attrs) != num_attrs:
        raise ValueError("model header and string tables disagree")
    if data[off_features : off_features + 4] != b"FEAT":
        raise ValueError("feature chunk not found")
    num_features = _u32(data, off_features + 8)
    state: dict[str, list[float]] = {}
    transition = [[0.0] * num_labels for _ in range(num_labels)]
    pos = off_features + 12
    for _ in range(num_features):
        ftype, src, dst, weight = struct.unpack_from("<IIId", data, pos)
        pos += 20
        if ftype == _STATE:
            state.setdefault(attrs[src], [0.0] * num_labels)[dst] = weight
        elif ftype == _TRANSITION:
            transition[src][dst] = weight
    return CRFModel(
        labels=labels,
        state={k: tuple(v) for k, v in state.items()},
        transition=tuple(tuple(row) for row in transition),
    )
