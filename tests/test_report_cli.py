"""The `newslab` command line and the HTML report."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from newslab.cli import build_parser, main
from newslab.report import build_report, notebook_paths


def test_help_lists_report(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "report" in capsys.readouterr().out


def test_every_subcommand_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert "report" in sub.choices
    for name, command in sub.choices.items():
        assert command.format_help(), name


def test_stories_help_states_the_library_default():
    # the help had said "default: 0.2" while the library used another threshold
    from newslab.stories import DEFAULT_THRESHOLD

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    help_text = " ".join(sub.choices["stories"].format_help().split())
    assert f"(default: {DEFAULT_THRESHOLD})" in help_text


def test_report_missing_corpus_is_a_clear_error(tmp_path, capsys):
    code = main(["report", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "nowhere" in capsys.readouterr().err


def test_repository_notebooks_are_numbered():
    names = [p.name for p in notebook_paths()]
    assert names[0].startswith("01-")
    assert names == sorted(names)


def test_build_report_injects_the_corpus(tmp_path, seeds_dir):
    nb_dir = tmp_path / "nbs"
    nb_dir.mkdir()
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = new_code_cell('CORPUS = "nowhere"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        new_markdown_cell("# Test"),
        params,
        new_code_cell("import newslab\nprint(len(newslab.load_corpus(CORPUS)), 'articles loaded')"),
    ]
    nbformat.write(nb, nb_dir / "01-test.ipynb")
    index = build_report(seeds_dir, tmp_path / "out", notebooks_dir=nb_dir)
    page = (tmp_path / "out" / "01-test.html").read_text(encoding="utf-8")
    assert "5 articles loaded" in page
    assert "01-test.html" in index.read_text(encoding="utf-8")
