"""`newslab segment` command line."""

from __future__ import annotations

from pathlib import Path

from newslab.cli import main


def test_segment_cli_writes_one_line_per_input_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLAB_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "a.txt"
    src.write_text("Thủ tướng Phạm Minh Chính đến TP.HCM.\n\nHà Nội mùa thu\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["segment", str(src), "-o", str(out), "-j", "1"]) == 0
    lines = out.read_text("utf-8").splitlines()
    assert lines == ["Thủ_tướng Phạm_Minh_Chính đến TP.HCM .", "", "Hà_Nội mùa thu"]
    assert main(["segment", str(src), "--pyvi", "-o", str(out)]) == 0
    assert out.read_text("utf-8").splitlines()[0] == "Thủ_tướng Phạm_Minh Chính đến TP. HCM."


def test_segment_cli_missing_file(tmp_path: Path, capsys) -> None:
    assert main(["segment", str(tmp_path / "nope.txt")]) == 2
    assert "does not exist" in capsys.readouterr().err
