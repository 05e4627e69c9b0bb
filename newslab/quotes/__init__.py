"""Who is quoted: quote and speaker extraction for Vietnamese news.

Rule-based and explainable: quote-aware sentences (`sentences`), speech cues and `Theo X`
sources (`attribution`), quotations (`direct`), speaker phrases read into name, kind, role and
gender (`speakers`), events per article (`extract`), cross-article speaker merging
(`canonical`) and an HTML view (`show`). Word lists live in `newslab/data/quote_*.txt`.
"""

from newslab.quotes.canonical import canonical_speakers
from newslab.quotes.extract import article_events, extract_quotes
from newslab.quotes.show import quotes_html, show_quotes

__all__ = ["article_events", "canonical_speakers", "extract_quotes", "quotes_html", "show_quotes"]
