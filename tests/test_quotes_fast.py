"""The fast paths of quote extraction give exactly what the plain rules give, on real news.

Quote extraction was made several times faster without changing any output (cached word-list
tables, memoised name reading, sentences skipped when they cannot hold a quote, case-folding
done once). Each test pins one fast path to a plain reference on real Vietnamese articles:
the bundled seeds, and 150 ViMs dev articles when the development corpora are present.
"""

from __future__ import annotations

import re
from dataclasses import astuple

import pytest

import newslab
import newslab.quotes.attribution as attribution
import newslab.quotes.extract as extract
import newslab.quotes.speakers as speakers
from newslab.quotes.attribution import _cue_pattern, _lower_cue_pattern, mask_quotes
from newslab.quotes.lexicon import load_lexicon
from newslab.quotes.sentences import quote_regions, split_sentences
from newslab.quotes.speakers import _caps, _is_cap, _tokens, index_people, name_dashes

TRICKY = [
    'Ông A nói: "Tôi đồng ý. Hai.” Bà B (Hà Nội; TP.HCM) đáp: «Không»… Hết',
    '“Mở ngoặc không đóng\nDòng sau “lại mở” rồi ‘đơn’ và "thẳng " cuối',
    "Theo ông Nguyễn Văn A, Giám đốc Sở Y tế TP. Hải Phòng, cho biết: “Việc này (a, b) xong”.",
    '"\n"\n“”‘’«»',
    "",
]


@pytest.fixture(scope="module")
def texts(seeds_dir, request) -> list[str]:
    out = list(newslab.load_corpus(seeds_dir)["text"])
    try:
        vims = request.getfixturevalue("vims_dev_dir")
    except pytest.skip.Exception:
        return out + TRICKY
    return out + list(newslab.load_corpus(vims)["text"].iloc[::4][:150]) + TRICKY


def _reference_regions(text: str) -> list[tuple[int, int]]:
    """quote_regions as one loop over every character (the code before the speed-up)."""
    from newslab.quotes.sentences import _ANY_CLOSE, _MAX_CHARS, _MAX_PARAGRAPHS, _OPEN
    from newslab.quotes.sentences import _opens_ascii as opens

    regions, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN or (ch == '"' and opens(text, i)):
            closers = _ANY_CLOSE[ch]
            if ch == "‘":
                limit = text.find("\n", i)
                limit = n if limit < 0 else limit
            else:
                limit, paragraphs = i, 0
                while limit < n and paragraphs <= _MAX_PARAGRAPHS and limit - i < _MAX_CHARS:
                    limit = text.find("\n", limit + 1)
                    limit = n if limit < 0 else limit
                    paragraphs += 1
            end, first_eol = -1, text.find("\n", i)
            first_eol = n if first_eol < 0 else first_eol
            for j in range(i + 1, limit):
                c = text[j]
                if j > first_eol and text[j - 1] == "\n" and c in '“"«':
                    continue
                if j > first_eol and text[j - 1] != "\n":
                    if c in "“«" or (c == '"' and opens(text, j)):
                        break
                if c in closers:
                    end = j + 1
                    break
            if end < 0:
                end = first_eol
            regions.append((i, end))
            i = end
            continue
        i += 1
    return regions


def _reference_mask(sentence: str, regions: list[tuple[int, int]]) -> str:
    chars = list(sentence)
    for at in name_dashes(sentence, acronyms_places=True):  # no boundary ("Nga - Mỹ")
        chars[at] = "~"
    for start, end in regions:
        inner_end = end - 1 if end - 1 > start and sentence[end - 1] in '”"»’' else end
        for k in range(start + 1, inner_end):
            if chars[k] != "\n":
                chars[k] = "#"
    depth = 0
    for k, ch in enumerate(chars):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth and ch in ",;:":
            chars[k] = "/"
    return "".join(chars)


def _masked_sentences(texts: list[str]) -> list[str]:
    out = []
    for text in texts:
        regions = quote_regions(text)
        for s, e in split_sentences(text):
            local = [(max(a, s) - s, min(b, e) - s) for a, b in regions if a < e and b > s]
            out.append(mask_quotes(text[s:e], local))
    return out


def test_quote_regions_and_masks_match_the_character_loops(texts):
    n_regions = 0
    for text in texts:
        regions = quote_regions(text)
        assert regions == _reference_regions(text)
        n_regions += len(regions)
        for s, e in split_sentences(text):
            assert s == 0 or text[s - 1].isspace()  # what skipping sentences relies on
            assert e == len(text) or text[e].isspace()
            local = [(max(a, s) - s, min(b, e) - s) for a, b in regions if a < e and b > s]
            assert mask_quotes(text[s:e], local) == _reference_mask(text[s:e], local)
    assert n_regions > 20  # the sample really has quotations


def test_cue_patterns_find_what_the_plain_alternation_finds(texts):
    cues = sorted(load_lexicon().cues, key=len, reverse=True)
    plain = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues) + r")(?!\w)",
        re.IGNORECASE,
    )
    unsafe, lower_cues = _lower_cue_pattern()
    sentences = _masked_sentences(texts) + [t.upper() for t in texts] + ["CHO BIẾT", "Nói:"]
    found = 0
    for text in sentences:
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in _cue_pattern().finditer(text)] == expected
        if not unsafe.search(text):
            assert [m.span() for m in lower_cues.finditer(text.lower())] == expected
        found += len(expected)
    assert found > 10
    # characters whose case folding differs (Kelvin sign, dotless i, long s) take the slow path
    assert all(unsafe.search(ch) for ch in "\u212aıſİ")


def test_skipping_sentences_and_folding_case_change_no_event(texts, monkeypatch):
    def events(text: str) -> list[tuple]:
        return [
            (astuple(ev.speaker), ev.mode, ev.cue, ev.quote, ev.start, ev.end, ev.confidence)
            for ev in extract.article_events(text)
        ]

    fast = [events(t) for t in texts]
    assert sum(map(len, fast)) > 20
    monkeypatch.setattr(extract, "_cues_skippable", lambda: False)  # every sentence is read
    everything = re.compile(r"[\s\S]")  # every text "unsafe": case-insensitive patterns only
    monkeypatch.setattr(attribution, "_lower_cue_pattern", lambda: (everything, everything))
    monkeypatch.setattr(extract, "_lower_cue_pattern", lambda: (everything, everything))
    assert [events(t) for t in texts] == fast


def test_words_capitals_and_name_runs_match_their_definitions(texts):
    for text in texts:
        words, starts = _tokens(text)
        assert list(zip(words, starts, strict=True)) == [
            (m.group(), m.start()) for m in re.finditer(r"\S+", text)
        ]
        assert _caps(words) == [_is_cap(w) for w in words]


def test_memoised_name_reading_does_not_depend_on_what_was_read_before(texts):
    def mentions(text: str) -> list[tuple]:
        return [astuple(m) for m in index_people(text).mentions]

    forward = [mentions(t) for t in texts]
    assert sum(map(len, forward)) > 50
    for memo in (speakers._run_reading, speakers._name_start, speakers._is_acronym):
        memo.cache_clear()
    assert [mentions(t) for t in reversed(texts)] == forward[::-1]


def test_entry_tables_match_a_scan_of_the_word_lists(texts):
    lex = load_lexicon()
    roles = lex.table("roles")
    named = lex.table("places", "outlets", case=True)
    entries = [e.split() for e in lex.words("roles")]
    places = [e.split() for e in lex.words("places") + lex.words("outlets")]
    for text in texts[:3]:
        tokens = text.split()[:400]
        for i in range(len(tokens)):
            low = [t.lower() for t in tokens[i : i + 8]]
            assert roles.starts(tokens[i : i + 8]) == max(
                (len(e) for e in entries if low[: len(e)] == [w.lower() for w in e]), default=0
            )
            assert named.ends_at(tokens, i) == max(
                (len(e) for e in places if i + 1 >= len(e) and tokens[i + 1 - len(e) : i + 1] == e),
                default=0,
            )
