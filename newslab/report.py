"""Run the notebooks on a corpus and write them as HTML: the `newslab report` command.

Each numbered notebook in `notebooks/` has a cell tagged `parameters` holding `CORPUS`;
papermill injects the corpus path, runs the notebook, and nbconvert writes the HTML.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from newslab._paths import NOTEBOOKS_DIR

log = logging.getLogger(__name__)


def notebook_paths(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (`01-...ipynb`), in order."""
    paths = sorted(notebooks_dir.glob("[0-9][0-9]-*.ipynb"))
    if not paths:
        raise FileNotFoundError(f"{notebooks_dir}: no numbered notebooks found")
    return paths


def build_report(
    corpus: str | Path,
    out_dir: str | Path = "reports",
    *,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    timeout: int = 1800,
) -> Path:
    """Execute every notebook on `corpus` and write HTML pages plus an index into `out_dir`.

    Args:
        corpus: A folder, file or anything `newslab.load_corpus` reads.
        out_dir: Where the executed notebooks and HTML pages go (created if missing).
        notebooks_dir: The folder holding the numbered notebooks.
        timeout: Seconds a single cell may run.

    Returns:
        The path of `index.html`.

    Raises:
        FileNotFoundError: `corpus` or the notebooks do not exist.
        RuntimeError: A notebook failed; the others are still written.

    Example:
        >>> build_report("seeds", "reports")  # doctest: +SKIP
        PosixPath('reports/index.html')
    """
    import papermill
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    corpus = Path(corpus).expanduser().resolve()
    if not corpus.exists():
        raise FileNotFoundError(f"{corpus}: no such file or folder")
    out = Path(out_dir).expanduser().resolve()
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter()
    # The kernels run on this machine: talk to them over Unix sockets, not unencrypted TCP
    # (ipykernel warns about TCP once per notebook).
    kernel_config = Config({"KernelManager": {"transport": "ipc"}})
    pages, failures = [], []
    for nb in notebook_paths(notebooks_dir):
        executed = out / nb.name
        try:
            papermill.execute_notebook(
                str(nb), str(executed), parameters={"CORPUS": str(corpus)},
                cwd=str(notebooks_dir), progress_bar=False, execution_timeout=timeout,
                config=kernel_config,
            )
        except Exception as exc:  # papermill raises its own types; report and go on
            failures.append(f"{nb.name}: {exc}".splitlines()[0])
            log.error("notebook %s failed: %s", nb.name, exc)
            if not executed.exists():
                continue
        body, _ = exporter.from_filename(str(executed))
        page = executed.with_suffix(".html")
        page.write_text(body, encoding="utf-8")
        pages.append(page)
    index = out / "index.html"
    items = "\n".join(f'<li><a href="{p.name}">{html.escape(p.stem)}</a></li>' for p in pages)
    index.write_text(
        "<!doctype html><meta charset='utf-8'><title>newslab report</title>"
        f"<h1>newslab report</h1><p>Corpus: <code>{html.escape(str(corpus))}</code></p>"
        f"<ul>{items}</ul>\n",
        encoding="utf-8",
    )
    if failures:
        raise RuntimeError("some notebooks failed: " + "; ".join(failures))
    return index
