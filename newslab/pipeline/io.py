"""Input shards in, parquet out: how the pipeline reads a corpus and writes its results.

Inputs are listed on the client (file names and sizes only) and read on the workers, one task
per record file (`.jsonl`, `.jsonl.gz`, `.parquet`, ...) or per group of one-article files
(`.txt`, `.html`), with the same readers and the same `doc_id`s as `newslab.load_corpus`.
Outputs are parquet: per-partition files written by the workers for per-article tables
(`articles/`, `quotes/`, `terms/`), one file for the small merged tables (`duplicates`, `stories`,
`story_terms`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

# load_corpus's readers, reused so that doc ids and text are the same as in memory.
from newslab.corpus import (
    _RECORD_SUFFIXES,
    SUPPORTED_SUFFIXES,
    _inputs,
    _read_path,
    _suffix,
    _to_frame,
)

#: One-article files read by one task.
FILES_PER_TASK = 256

Task = list[tuple[str, str]]  # (path, path relative to its base) in corpus order


def plan_inputs(
    source: str | os.PathLike | Iterable[str | os.PathLike], *, files_per_task: int = FILES_PER_TASK
) -> tuple[list[Task], list[dict]]:
    """Split the input files into read tasks, in the order `load_corpus` reads them.

    Args:
        source: What `load_corpus` accepts: a folder, a file, or a list of paths.
        files_per_task: One-article files grouped into one task.

    Returns:
        `(tasks, skipped)`: each task is a list of `(path, relative path)` pairs; `skipped`
        lists inputs dropped before reading (broken links, the same file reached twice,
        unsupported types) as `{"path", "reason"}` dicts, as `load_corpus` reports them.

    Example:
        >>> tasks, skipped = plan_inputs("seeds")  # doctest: +SKIP
    """
    pairs, skipped = _inputs(source)
    tasks: list[Task] = []
    group: Task = []
    seen: dict[tuple[int, int], Path] = {}
    for path, base in pairs:
        rel = path.relative_to(base).as_posix()
        suffix = _suffix(path)
        if not path.exists():
            skipped.append({"path": str(path), "reason": "broken symlink"})
            continue
        st = path.stat()
        if (st.st_dev, st.st_ino) in seen:
            skipped.append({"path": str(path),
                            "reason": f"same file as {seen[(st.st_dev, st.st_ino)]} (reached twice)"})
            continue
        seen[(st.st_dev, st.st_ino)] = path
        if suffix not in SUPPORTED_SUFFIXES:
            skipped.append({"path": str(path), "reason": f"unsupported file type '{suffix or path.name}' "
                            f"(supported: {', '.join(SUPPORTED_SUFFIXES)})"})
            continue
        if suffix in _RECORD_SUFFIXES:
            if group:
                tasks.append(group)
                group = []
            tasks.append([(str(path), rel)])
        else:
            group.append((str(path), rel))
            if len(group) >= files_per_task:
                tasks.append(group)
                group = []
    if group:
        tasks.append(group)
    return tasks, skipped


def read_task(task: Task) -> tuple[pd.DataFrame, list[dict]]:
    """Read the files of one task into corpus rows (runs on a worker).

    Args:
        task: `(path, relative path)` pairs from `plan_inputs`.

    Returns:
        `(frame, skipped)`: rows as `load_corpus` makes them (index `doc_id`, columns `title,
        text, source, author, path, n_chars`), except that a repeated `id` is not renamed yet,
        and the unreadable files or lines.
    """
    records = []
    skipped: list[dict] = []
    for path_str, rel in task:
        path = Path(path_str)
        for item in _read_path(path, rel, _suffix(path)):
            if isinstance(item, tuple):
                line, reason = item
                skipped.append({"path": str(path), "reason": reason}
                               | ({"line": line} if line is not None else {}))
            else:
                records.append(item)
    frame = _to_frame(records)
    # keep the ids as read: repeats are renamed once, over the whole corpus (stages.load)
    frame.index = pd.Index([r.doc_id for r in records], name="doc_id", dtype=object)
    return frame, skipped


def write_part(frame: pd.DataFrame, directory: str, index: int) -> str:
    """Write one partition of a per-article table as `<directory>/part-NNNNN.parquet`.

    Args:
        frame: The partition's rows.
        directory: Output folder (shared by all workers; on a cluster, a shared file system).
        index: Partition number; file names sort in corpus order.

    Returns:
        The path written.
    """
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, f"part-{index:05d}.parquet")
    frame.to_parquet(path, index=False)
    return path


def read_output(out_dir: str | os.PathLike, name: str) -> pd.DataFrame:
    """Read one table written by `run_pipeline`, in corpus order.

    Args:
        out_dir: The pipeline's output folder.
        name: `"articles"`, `"duplicates"`, `"stories"`, `"story_terms"`, `"terms"` or `"quotes"`.

    Returns:
        The table as a DataFrame (partitions concatenated in order).

    Example:
        >>> dups = read_output("out", "duplicates")  # doctest: +SKIP
    """
    path = Path(out_dir) / name
    if path.is_dir():
        parts = sorted(path.glob("part-*.parquet"))
        frames = [pd.read_parquet(p) for p in parts]
        frames = [f for f in frames if len(f)] or frames[:1]
        if not frames:
            raise FileNotFoundError(f"{path}: no parquet parts")
        return pd.concat(frames, ignore_index=True)
    file = path.with_suffix(".parquet")
    if not file.exists():
        raise FileNotFoundError(f"{file}: no such output; run the pipeline with this stage")
    return pd.read_parquet(file)
