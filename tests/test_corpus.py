"""load_corpus: every awkward input is either a row or a reported skip, never lost."""

from __future__ import annotations

import gzip
import json
import os
import unicodedata
import warnings
from pathlib import Path

import pandas as pd
import pytest

from newslab import load_corpus
from newslab.corpus import CorpusError, as_corpus

ARTICLE = "Hà Nội chuẩn bị đón mùa hoa sữa\nSáng nay, người dân Thủ đô hào hứng đi dạo phố.\nMùa thu đã về."


def encode_cp1258(text: str) -> bytes:
    """Encode as legacy Windows-1258 does: base letters precomposed, tone marks combining."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
            out += (base + tones).encode("cp1258")
    return out


def load_quiet(source, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(source, **kwargs)


def reasons(df: pd.DataFrame) -> dict[str, str]:
    return {Path(s["path"]).name + (f"#{s['line']}" if "line" in s else ""): s["reason"]
            for s in df.attrs["skipped"]}


def test_seeds_load_as_five_articles(seeds_dir):
    df = load_corpus(seeds_dir)
    assert len(df) == 5 and df.attrs["skipped"] == []
    assert df.index.name == "doc_id"
    assert list(df.columns[:6]) == ["title", "text", "source", "author", "path", "n_chars"]
    doc = df.loc["002_857d9957dfc1b496"]
    assert doc["title"] == "Nga-Mỹ xác nhận thời điểm điện đàm giữa hai nhà lãnh đạo"
    assert not doc["text"].startswith(doc["title"])
    assert doc["source"] == "NDO"
    assert df.loc["003_3e20ddcea9a629a6", "source"] == "vtc.vn"
    assert df.loc["000_520658d4c20afb8a", "source"] == "Reuters"
    assert df.loc["000_520658d4c20afb8a", "author"] == "Bích Thảo"
    assert df.loc["004_de8ac57140f49c18", "author"] == "Xuân Thành"
    assert (df["n_chars"] == df["text"].str.len()).all()


def test_encodings_and_invisible_characters(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))  # with BOM
    (tmp_path / "nfd.txt").write_text(unicodedata.normalize("NFD", ARTICLE), encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "cr.txt").write_bytes(ARTICLE.replace("\n", "\r").encode("utf-8"))
    (tmp_path / "zw.txt").write_text(ARTICLE.replace("Sáng nay,", "Sáng\u00a0nay,\u200b"), encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes(encode_cp1258(ARTICLE))
    df = load_corpus(tmp_path)
    assert df.attrs["skipped"] == []
    assert len(df) == 7
    for doc_id, row in df.iterrows():
        assert row["title"] == "Hà Nội chuẩn bị đón mùa hoa sữa", doc_id
        assert row["text"] == ARTICLE.split("\n", 1)[1], doc_id
        assert unicodedata.is_normalized("NFC", row["text"])


def test_unreadable_files_are_reported_not_lost(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n\t\n ", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    # Latin-1 French is neither UTF-8 nor Vietnamese: reported, never loaded as mojibake.
    (tmp_path / "latin1.txt").write_bytes("Le café était fermé à Noël ; où êtes-vous ?".encode("latin-1"))
    with pytest.warns(UserWarning, match="skipped 5 input"):
        df = load_corpus(tmp_path)
    assert list(df.index) == ["good"]
    why = reasons(df)
    assert set(why) == {"empty.txt", "blank.txt", "image.txt", "notes.docx", "latin1.txt"}
    assert "empty" in why["empty.txt"] and "empty" in why["blank.txt"]
    assert "binary" in why["image.txt"]
    assert "unsupported file type" in why["notes.docx"]
    assert "not UTF-8" in why["latin1.txt"]


def test_errors_raise_names_the_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"b\.txt: empty"):
        load_corpus(tmp_path, errors="raise")


def test_missing_source_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope"):
        load_corpus(tmp_path / "nope")


def test_jsonl_lines_are_rows_or_reported(tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "Tiêu đề một", "text": "Nội dung bài một."}, ensure_ascii=False),
        "{broken json",
        "",
        json.dumps({"title": "Không có id", "text": "Bài không có mã số."}, ensure_ascii=False),
        json.dumps({"id": "a3", "title": "Thiếu nội dung"}, ensure_ascii=False),
        json.dumps(["không", "phải", "đối tượng"], ensure_ascii=False),
        json.dumps({"id": "a1", "text": "Trùng mã số với dòng một."}, ensure_ascii=False),
    ]
    body = "\n".join(lines) + "\n"
    (tmp_path / "news.jsonl").write_text(body, encoding="utf-8")
    (tmp_path / "more.jsonl.gz").write_bytes(gzip.compress(body.encode("utf-8")))
    df = load_quiet(tmp_path / "news.jsonl")
    assert list(df.index) == ["a1", "news.jsonl#4", "a1~2"]
    assert df.loc["a1", "title"] == "Tiêu đề một" and df.loc["a1", "text"] == "Nội dung bài một."
    why = reasons(df)
    assert set(why) == {"news.jsonl#2", "news.jsonl#3", "news.jsonl#5", "news.jsonl#6"}
    assert "broken JSON" in why["news.jsonl#2"] and "blank" in why["news.jsonl#3"]
    assert "no text field" in why["news.jsonl#5"]
    # rows + skips account for every line
    assert len(df) + len(df.attrs["skipped"]) == len(lines)
    both = load_quiet(tmp_path)
    assert len(both) + len(both.attrs["skipped"]) == 2 * len(lines)


def test_csv_json_parquet(tmp_path):
    frame = pd.DataFrame({"id": ["x1", "x2"], "title": ["Một", "Hai"], "content": ["Bài một.", ""]})
    frame.to_csv(tmp_path / "a.csv", index=False)
    frame.to_parquet(tmp_path / "a.parquet")
    pd.DataFrame({"id": [1], "headline": ["Tin"]}).to_csv(tmp_path / "notext.csv", index=False)
    (tmp_path / "list.json").write_text(json.dumps(
        [{"title": "Bài JSON", "text": "Nội dung JSON."}], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(
        {"title": "Một bài", "text": "Chỉ một bài."}, ensure_ascii=False), encoding="utf-8")
    df = load_quiet(tmp_path)
    assert sorted(df.index) == ["list.json#1", "one", "x1", "x1~2"]
    why = reasons(df)
    assert "no text column" in why["notext.csv"]
    assert "a.csv#3" in why and "a.parquet#2" in why  # the row with empty content, by line
    assert len(df) + len(df.attrs["skipped"]) == 7


def test_html_keeps_visible_article_text_only(tmp_path):
    html = """<html><head><title>Báo X - Tin</title><style>p{color:red}</style></head>
    <body><nav>Trang chủ | Thế giới</nav><article><h1>Mưa lớn ở Hà Nội</h1>
    <p>Chiều nay, mưa lớn kéo dài khiến nhiều tuyến phố ngập &amp; ùn tắc.</p>
    <script>var x = "không hiện";</script><p>Người dân vất vả về nhà.</p></article>
    <footer>Bản quyền</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    df = load_corpus(tmp_path)
    row = df.loc["page"]
    assert row["title"] == "Mưa lớn ở Hà Nội"
    assert row["text"] == ("Chiều nay, mưa lớn kéo dài khiến nhiều tuyến phố ngập & ùn tắc.\n"
                           "Người dân vất vả về nhà.")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this system")
def test_symlink_loop_does_not_hang(tmp_path):
    sub = tmp_path / "a"
    sub.mkdir()
    (sub / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (sub / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    df = load_quiet(tmp_path)
    assert list(df.index) == ["a/x"]
    why = " ".join(s["reason"] for s in df.attrs["skipped"])
    assert "symlink loop" in why and "broken symlink" in why


def test_list_of_paths_and_as_corpus(tmp_path, seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))[:2]
    df = load_corpus(files)
    assert list(df.index) == [f.stem for f in files]
    assert as_corpus(df) is df
    with pytest.raises(ValueError, match="text"):
        as_corpus(pd.DataFrame({"x": [1]}))


def test_vims_dev_loads_completely(vims_dev_dir):
    df = load_corpus(vims_dev_dir)
    assert len(df) == 653 and df.attrs["skipped"] == []
    assert "Cluster_001/1" in df.index
    assert df["text"].map(lambda t: "\r" not in t and unicodedata.is_normalized("NFC", t)).all()
    assert (df["title"].str.len() > 0).all()
