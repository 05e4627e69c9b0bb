"""The on-disk cache: entries of other versions are listed as stale and pruned, current kept."""

from __future__ import annotations

import sqlite3

from newslab import segment_many
from newslab._cache import TextCache
from newslab.cache import cache_usage, prune_cache
from newslab.cli import main
from newslab.pipeline import part_cache
from newslab.segmentation import _versions


def _fill(tmp_path):
    texts = ["Thủ tướng Phạm Minh Chính đến TP.HCM.", "Hà Nội mưa lớn."]
    segment_many(texts, cache_dir=tmp_path, progress=False)  # current segmentation entries
    TextCache(tmp_path, "segment", "newslab=0.0.1;old").put_many(["Huế"], [["Huế"]])
    old_v1 = tmp_path / "segmentation-v1.sqlite"  # the layout without a version column
    sqlite3.connect(old_v1).execute("CREATE TABLE results (key TEXT PRIMARY KEY, value TEXT)")
    part_cache.cached(tmp_path, "quotes_part", "k", lambda: ["current"])
    stale = tmp_path / "pipeline" / "quotes_part" / ("0" * 32)
    stale.mkdir(parents=True)
    (stale / "k.pkl").write_bytes(b"old")
    (tmp_path / "pipeline" / "quotes_part" / "loose.pkl").write_bytes(b"older layout")
    return texts


def test_usage_tells_current_from_stale_and_prune_keeps_the_current(tmp_path):
    texts = _fill(tmp_path)
    usage = cache_usage(tmp_path)
    current = usage[usage["current"]]
    assert sorted(current["store"]) == ["pipeline/quotes_part", "segmentation"]
    assert current.loc[current["store"] == "segmentation", "entries"].item() == len(texts)
    assert len(usage[~usage["current"]]) == 4  # old row, v1 file, old folder, loose file

    removed = prune_cache(tmp_path)
    assert len(removed) == 4 and not removed["current"].any()
    after = cache_usage(tmp_path)
    assert after["current"].all() and len(after) == 2
    assert not (tmp_path / "segmentation-v1.sqlite").exists()
    # the current entries are still served: no recomputation
    assert part_cache.cached(tmp_path, "quotes_part", "k", lambda: ["recomputed"]) == ["current"]
    got = TextCache(tmp_path, "segment", _versions()).get_many(texts)
    assert all(v is not None for v in got)
    assert prune_cache(tmp_path).empty


def test_cache_command_lists_and_prunes(tmp_path, capsys):
    _fill(tmp_path)
    assert main(["cache", "--cache-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "pipeline/quotes_part" in out and "--prune" in out
    assert main(["cache", "--prune", "--cache-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("pruned 4 store version(s)") and "--prune" not in out.splitlines()[-1]
