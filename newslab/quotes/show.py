"""An article as HTML with its quote events highlighted: `show_quotes`.

Quoted passages, speaker phrases and cues get their own colours, each event's sentence a
tooltip naming the speaker, mode and cue. The result is an `IPython.display.HTML` object, so it
renders in JupyterLab and in nbconvert's HTML report (inline styles only, no scripts).
"""

from __future__ import annotations

import html

from newslab.quotes.extract import article_events

_STYLE = {
    "quote": "background:#fff3c4",
    "speaker": "background:#c9e7ff;font-weight:600",
    "cue": "background:#d8f5d0;font-style:italic",
    "sentence": "border-bottom:2px solid #e0a800",
}


def quotes_html(text: str, title: str = "") -> str:
    """HTML for one article text with quote events highlighted (see `show_quotes`)."""
    events = article_events(text, title=title or None)
    spans: list[tuple[int, int, str, str]] = []
    for ev in events:
        label = f"{ev.speaker.name} ({ev.speaker.kind}, {ev.mode}, cue: {ev.cue})"
        spans.append((ev.start, ev.end, "sentence", label))
        for a, b in ev.quote_spans:
            spans.append((a, b, "quote", ""))
        if ev.speaker_span:
            spans.append((*ev.speaker_span, "speaker", ev.speaker.name))
        if ev.cue_span:
            spans.append((*ev.cue_span, "cue", ""))
    # open/close tags at character positions; nesting by span length keeps tags balanced
    # (ties broken by kind and label: a set's order changes from one process to the next)
    spans = sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0]), s[2], s[3]))
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    stack_end: list[int] = []
    for a, b, kind, label in spans:
        while stack_end and stack_end[-1] <= a:
            stack_end.pop()
        if stack_end and b > stack_end[-1]:
            b = stack_end[-1]  # clip to the enclosing span
        if b <= a:
            continue
        stack_end.append(b)
        tip = f' title="{html.escape(label)}"' if label else ""
        opens.setdefault(a, []).append(f'<span style="{_STYLE[kind]}"{tip}>')
        closes.setdefault(b, []).insert(0, "</span>")
    out = []
    for i, ch in enumerate(text):
        out.extend(closes.get(i, []))
        out.extend(opens.get(i, []))
        out.append("<br>" if ch == "\n" else html.escape(ch))
    out.extend(closes.get(len(text), []))
    legend = " ".join(
        f'<span style="{_STYLE[k]};padding:0 4px">{name}</span>'
        for k, name in (("speaker", "speaker"), ("cue", "cue"), ("quote", "quotation"))
    )
    head = f"<h4>{html.escape(title)}</h4>" if title else ""
    summary = f"<p>{len(events)} quote event(s). {legend}</p>"
    return f'<div style="line-height:1.6;max-width:60em">{head}{summary}{"".join(out)}</div>'


def show_quotes(corpus, doc_id: str):
    """Show one article with its quotes, speakers and cues highlighted.

    Args:
        corpus: Corpus DataFrame (or a path to load).
        doc_id: The article to show.

    Returns:
        An `IPython.display.HTML` object (renders in JupyterLab and nbconvert HTML).

    Example:
        >>> import newslab
        >>> corpus = newslab.load_corpus("seeds")  # doctest: +SKIP
        >>> newslab.show_quotes(corpus, corpus.index[0])  # doctest: +SKIP
    """
    from IPython.display import HTML

    from newslab.corpus import as_corpus

    frame = as_corpus(corpus)
    if doc_id not in frame.index:
        raise ValueError(
            f"doc_id {doc_id!r} not in the corpus (first ids: {list(frame.index[:3])})"
        )
    row = frame.loc[doc_id]
    title = (
        row["title"] if "title" in frame.columns and isinstance(row["title"], str) else str(doc_id)
    )
    text = row["text"] if isinstance(row["text"], str) else ""
    return HTML(quotes_html(text, title))


__all__ = ["quotes_html", "show_quotes"]
