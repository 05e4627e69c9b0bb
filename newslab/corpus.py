"""Load a corpus of articles into a DataFrame, accounting for every file and every line.

`load_corpus` is the first step of every analysis: a folder (searched recursively), a file, or a
list of paths in; one row per article out, indexed by `doc_id`. Whatever cannot be read is not
a row: it is listed in `df.attrs["skipped"]` with the reason, and one warning summarises it.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
from tqdm import tqdm

from newslab._html import html_to_article
from newslab.metadata import detect_source_author
from newslab.normalization import _clean_characters

COLUMNS = ["title", "text", "source", "author", "path", "n_chars"]
TEXT_FIELDS = ("text", "content", "body", "article")
TITLE_FIELDS = ("title", "headline")
SOURCE_FIELDS = ("source", "outlet", "publisher")
AUTHOR_FIELDS = ("author", "byline")
_RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz", ".csv", ".parquet")
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", *_RECORD_SUFFIXES)
_VIETNAMESE = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
)


class CorpusError(ValueError):
    """A file or line of a corpus holds no readable article (raised with errors="raise")."""


class _Skip(Exception):
    """Internal: this input holds no readable article, for the reason given."""


@dataclass
class _Record:
    doc_id: str
    title: str
    text: str
    path: str
    source: str | None = None
    author: str | None = None


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def _looks_vietnamese(text: str) -> bool:
    letters = [ch for ch in unicodedata.normalize("NFC", text) if ord(ch) > 127 and ch.isalpha()]
    if not letters:
        return False
    return sum(ch in _VIETNAMESE for ch in letters) / len(letters) >= 0.9


def _decode(data: bytes) -> str:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16/32 with BOM, or Windows-1258."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise _Skip(f"invalid {codec} despite its byte-order mark ({exc.reason})") from exc
    if b"\x00" in data[:8192]:
        raise _Skip("binary file (NUL bytes; UTF-16 text needs a byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_vietnamese(text):
        return text
    raise _Skip(
        f"not UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) and not Vietnamese "
        "Windows-1258; re-save the file as UTF-8"
    )


def _check_readable(text: str) -> None:
    if not text.strip():
        raise _Skip("empty or whitespace only")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t\r\f")
    if controls > max(2, len(text) // 200):
        raise _Skip("binary content (control characters)")


def _split_title(text: str) -> tuple[str, str]:
    stripped = text.strip("\n")
    if "\n" not in stripped:
        return stripped.strip(), ""
    title, body = stripped.split("\n", 1)
    return title.strip(), body.strip("\n").strip()


def _first(record: dict, fields: Iterable[str]) -> object | None:
    for field in fields:
        value = record.get(field)
        if value is not None and not (isinstance(value, float) and pd.isna(value)):
            return value
    return None


def _from_mapping(rec: object, doc_id: str, path: str) -> _Record:
    if not isinstance(rec, dict):
        raise _Skip(f"not a JSON object but {type(rec).__name__}")
    text = _first(rec, TEXT_FIELDS)
    if text is None:
        raise _Skip(f"no text field (looked for {', '.join(TEXT_FIELDS)}; has {', '.join(map(str, rec)) or 'none'})")
    text = _clean_characters(str(text))
    _check_readable(text)
    title = _first(rec, TITLE_FIELDS)
    ident = rec.get("id")
    return _Record(
        doc_id=str(ident) if ident not in (None, "") else doc_id,
        title=_clean_characters(str(title)).strip() if title is not None else "",
        text=text.strip(),
        path=path,
        source=(str(s) if (s := _first(rec, SOURCE_FIELDS)) else None),
        author=(str(a) if (a := _first(rec, AUTHOR_FIELDS)) else None),
    )


def _read_records(path: Path, rel: str, suffix: str) -> Iterator[_Record | tuple[int, str]]:
    """Yield records of a multi-article file, or `(line, reason)` for each unreadable one."""
    where = rel  # `<file>#<line>` ids use the path as given, extension included
    if suffix in (".jsonl", ".jsonl.gz"):
        raw = gzip.open(path, "rb") if suffix.endswith(".gz") else open(path, "rb")
        with raw:
            for lineno, line in enumerate(raw, start=1):
                if not line.strip():
                    yield lineno, "blank line"
                    continue
                try:
                    rec = json.loads(line)
                    yield _from_mapping(rec, f"{where}#{lineno}", str(path))
                except json.JSONDecodeError as exc:
                    yield lineno, f"broken JSON line ({exc.msg} at column {exc.colno})"
                except UnicodeDecodeError as exc:
                    yield lineno, f"not UTF-8 ({exc.reason})"
                except _Skip as exc:
                    yield lineno, str(exc)
        return
    if suffix in (".json", ".json.gz"):
        data = gzip.decompress(path.read_bytes()) if suffix.endswith(".gz") else path.read_bytes()
        try:
            obj = json.loads(_decode(data))
        except json.JSONDecodeError as exc:
            raise _Skip(f"broken JSON ({exc.msg} at line {exc.lineno})") from exc
        if isinstance(obj, dict):
            inner = next((obj[k] for k in ("articles", "data", "items", "records")
                          if isinstance(obj.get(k), list)), None)
            if inner is None:
                yield _from_mapping(obj, Path(rel).with_suffix("").as_posix(), str(path))
                return
            obj = inner
        if not isinstance(obj, list):
            raise _Skip("JSON holds neither an article object nor a list of them")
        for i, rec in enumerate(obj, start=1):
            try:
                yield _from_mapping(rec, f"{where}#{i}", str(path))
            except _Skip as exc:
                yield i, str(exc)
        return
    if suffix == ".csv":
        frame = pd.read_csv(io.StringIO(_decode(path.read_bytes())), dtype=str, keep_default_na=False)
        first_line = 2  # line 1 is the header
    else:  # parquet
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for a bad file
            raise _Skip(f"unreadable parquet ({exc})") from exc
        first_line = 1
    if not any(c in frame.columns for c in TEXT_FIELDS):
        raise _Skip(
            f"no text column (looked for {', '.join(TEXT_FIELDS)}; has {', '.join(map(str, frame.columns))})"
        )
    for i, rec in enumerate(frame.to_dict("records")):
        line = first_line + i
        try:
            yield _from_mapping(rec, f"{where}#{line}", str(path))
        except _Skip as exc:
            yield line, str(exc)


def _read_single(path: Path, doc_id: str, suffix: str) -> _Record:
    text = _clean_characters(_decode(path.read_bytes()))
    _check_readable(text)
    if suffix in (".html", ".htm"):
        title, body = html_to_article(text)
        if not (title + body).strip():
            raise _Skip("HTML page with no visible text")
    else:
        title, body = _split_title(text)
    return _Record(doc_id=doc_id, title=title, text=body, path=str(path))


def _read_path(path: Path, rel: str, suffix: str) -> Iterator[_Record | tuple[int | None, str]]:
    """Yield the articles of one file, or `(line, reason)` for what holds none.

    `line` is None when the whole file is unreadable.
    """
    try:
        if suffix in _RECORD_SUFFIXES:
            yield from _read_records(path, rel, suffix)
        else:
            doc_id = rel[: -len(suffix)] if rel.lower().endswith(suffix) else rel
            yield _read_single(path, doc_id, suffix)
    except _Skip as exc:
        yield None, str(exc)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield None, f"cannot read: {exc}"


def _walk(root: Path, skipped: list[dict]) -> list[Path]:
    """All files below `root`, following symlinks but never a directory twice."""
    files: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            skipped.append({"path": dirpath, "reason": "symlink loop: folder already visited"})
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        files.extend(Path(dirpath) / f for f in sorted(filenames))
    return files


def _inputs(source: str | os.PathLike | Iterable) -> tuple[list[tuple[Path, Path]], list[dict]]:
    """Return `(file, base)` pairs (doc ids are relative to base) and early skips."""
    skipped: list[dict] = []
    sources = [source] if isinstance(source, str | os.PathLike) else list(source)
    pairs: list[tuple[Path, Path]] = []
    for item in sources:
        path = Path(item).expanduser()
        if path.is_dir():
            pairs.extend((f, path) for f in _walk(path, skipped))
        elif path.exists() or path.is_symlink():
            pairs.append((path, path.parent))
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return pairs, skipped


def load_corpus(
    source: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    errors: Literal["report", "raise"] = "report",
) -> pd.DataFrame:
    """Load articles from a folder, a file or a list of paths.

    Formats: `.txt` (first line is the title), `.html`/`.htm` (visible article text only),
    `.jsonl`, `.jsonl.gz`, `.json`, `.csv`, `.parquet` (fields `id`, `title`, `text`; also
    `content`/`body` for the text). Text is decoded from UTF-8 (with or without BOM), UTF-16
    with BOM, or legacy Windows-1258, then normalised (`newslab.normalize`: NFC, `\n` line
    ends, no BOM or zero-width characters, NBSP as space).

    Args:
        source: A folder (searched recursively, symlinks followed, loops detected), one file,
            or a list of paths.
        errors: "report" (default) lists each unreadable file or line in
            `df.attrs["skipped"]` and warns once; "raise" raises `CorpusError` on the first.

    Returns:
        One row per article, index `doc_id` (for a one-article file its path relative to the
        folder without extension, e.g. `Cluster_001/1`; for a record, its `id`, else
        `<file>#<line>`), columns `title`, `text` (body without the title), `source` (the
        outlet, when the text names it), `author` (from a byline), `path`, `n_chars`.
        `df.attrs["skipped"]` lists `{"path", "reason"}` dicts (with `line` for records).

    Raises:
        FileNotFoundError: `source` does not exist.
        CorpusError: With errors="raise", on the first unreadable file or line.

    Example:
        >>> corpus = load_corpus("seeds")
        >>> corpus.loc["001_144e3ac11ccbbacf", "title"][:23]
        'Tổng thống Mỹ Joe Biden'
    """
    if errors not in ("report", "raise"):
        raise ValueError(f"errors must be 'report' or 'raise', not {errors!r}")
    pairs, skipped = _inputs(source)
    records: list[_Record] = []
    seen_files: dict[tuple[int, int], Path] = {}

    def skip(path: Path, reason: str, line: int | None = None) -> None:
        entry = {"path": str(path), "reason": reason}
        if line is not None:
            entry["line"] = line
        if errors == "raise":
            where = f"{path}, line {line}" if line is not None else str(path)
            raise CorpusError(f"{where}: {reason}")
        skipped.append(entry)

    if errors == "raise" and skipped:
        raise CorpusError(f"{skipped[0]['path']}: {skipped[0]['reason']}")
    for path, base in tqdm(pairs, desc="loading", unit="file", disable=len(pairs) < 200):
        rel = path.relative_to(base).as_posix()
        suffix = _suffix(path)
        if not path.exists():
            skip(path, "broken symlink")
            continue
        st = path.stat()
        if (st.st_dev, st.st_ino) in seen_files:
            skip(path, f"same file as {seen_files[(st.st_dev, st.st_ino)]} (reached twice)")
            continue
        seen_files[(st.st_dev, st.st_ino)] = path
        if suffix not in SUPPORTED_SUFFIXES:
            skip(path, f"unsupported file type '{suffix or path.name}' "
                       f"(supported: {', '.join(SUPPORTED_SUFFIXES)})")
            continue
        for item in _read_path(path, rel, suffix):
            if isinstance(item, tuple):
                skip(path, item[1], line=item[0])
            else:
                records.append(item)
    frame = _to_frame(records)
    frame.attrs["skipped"] = skipped
    if skipped:
        reasons = "; ".join(
            f"{s['path']}{'#' + str(s['line']) if 'line' in s else ''}: {s['reason']}"
            for s in skipped[:3]
        )
        more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        warnings.warn(
            f"load_corpus: skipped {len(skipped)} input(s) holding no readable article: "
            f"{reasons}{more}. See df.attrs['skipped'].",
            stacklevel=2,
        )
    return frame


def _to_frame(records: list[_Record]) -> pd.DataFrame:
    ids: list[str] = []
    seen: set[str] = set()
    rows = []
    for rec in records:
        doc_id = rec.doc_id
        if doc_id in seen:  # an `id` given twice: keep both rows, make the second id unique
            n = 2
            while f"{doc_id}~{n}" in seen:
                n += 1
            doc_id = f"{doc_id}~{n}"
        seen.add(doc_id)
        ids.append(doc_id)
        source, author = detect_source_author(rec.text)
        rows.append(
            (rec.title, rec.text, rec.source or source, rec.author or author, rec.path, len(rec.text))
        )
    frame = pd.DataFrame(rows, columns=COLUMNS, index=pd.Index(ids, name="doc_id", dtype=object))
    frame["n_chars"] = frame["n_chars"].astype("int64")
    return frame


def as_corpus(corpus: pd.DataFrame | str | os.PathLike | Iterable) -> pd.DataFrame:
    """Return `corpus` if it is a DataFrame with a `text` column, else load it.

    Args:
        corpus: A DataFrame from `load_corpus`, or anything `load_corpus` accepts.

    Returns:
        The corpus DataFrame.

    Example:
        >>> as_corpus(pd.DataFrame({"text": ["Xin chào"]}))["text"].tolist()
        ['Xin chào']
    """
    if isinstance(corpus, pd.DataFrame):
        if "text" not in corpus.columns:
            raise ValueError("corpus DataFrame needs a 'text' column (see newslab.load_corpus)")
        return corpus
    return load_corpus(corpus)
