"""Visible article text from an HTML page, with the standard library's HTML parser.

Scripts, styles, navigation and other invisible or boilerplate elements are dropped; block
elements become line breaks. When the page has an `<article>` element only its text is kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe",
                     "nav", "form", "button", "select", "object"})
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article",
                    "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                    "figure", "figcaption", "pre", "hr", "main", "aside", "dd", "dt"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed",
                   "source", "track", "wbr", "param"})


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.hidden = 0
        self.parts: list[str] = []        # whole-page visible text
        self.article: list[str] | None = None
        self.article_depth = 0
        self.page_title: list[str] = []
        self.h1: list[str] | None = None
        self.h1_done = False

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        if self.article is not None and self.article_depth:
            self.article.append(s)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _VOID:
            if tag == "br":
                self._emit("\n")
            return
        self.stack.append(tag)
        if tag in _HIDDEN or any(k == "hidden" for k, _ in attrs):
            self.hidden += 1
        if tag == "article":
            if self.article is None:
                self.article = []
            self.article_depth += 1
        if tag == "h1" and not self.h1_done and self.h1 is None:
            self.h1 = []
        if tag in _BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in _HIDDEN:
                self.hidden = max(0, self.hidden - 1)
            if open_tag == "article":
                self.article_depth -= 1
            if open_tag == "h1" and self.h1 is not None and not self.h1_done:
                self.h1_done = True
            if open_tag in _BLOCK:
                self._emit("\n")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if "title" in self.stack:
            self.page_title.append(data)
            return
        if self.hidden:
            return
        if self.h1 is not None and not self.h1_done:
            self.h1.append(data)
        self._emit(data)


def _tidy(parts: list[str]) -> list[str]:
    text = "".join(parts)
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    return [line for line in lines if line]


def html_to_article(html: str) -> tuple[str, str]:
    """Return `(title, body)` of an HTML article page.

    The title is the first `<h1>`, else the `<title>`; the body is the visible text of the
    `<article>` element if there is one, else of the whole page, one paragraph a line, without
    the title line.

    Example:
        >>> html_to_article("<html><h1>Tin</h1><p>Nội dung.</p><script>x()</script></html>")
        ('Tin', 'Nội dung.')
    """
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    lines = _tidy(parser.article if parser.article else parser.parts)
    title = " ".join(_tidy(parser.h1 or [])) or " ".join(_tidy(parser.page_title))
    if lines and lines[0] == title:
        lines = lines[1:]
    return title, "\n".join(lines)
