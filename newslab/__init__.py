"""newslab: explore Vietnamese news.

Load a folder of articles, find copies and stories, see what each story and outlet is about,
and who gets quoted. Every step takes and returns pandas DataFrames.

Example:
    >>> import newslab
    >>> corpus = newslab.load_corpus("seeds")  # doctest: +SKIP
"""

# Each public name below is a contract: other tools call it. Keep the names stable.
from newslab.cache import cache_usage, prune_cache
from newslab.cleaning import clean_text, cleaning_report
from newslab.corpus import load_corpus
from newslab.duplicates import find_duplicates
from newslab.normalization import normalize
from newslab.passages import align_passages, reused_passages
from newslab.pipeline import run_pipeline
from newslab.plots_corpus import plot_lengths
from newslab.plots_quotes import (
    plot_quote_modes,
    plot_speaker_shares,
    plot_speakers_by_outlet,
    plot_top_speakers,
)
from newslab.plots_terms import plot_distinctive_terms, plot_terms
from newslab.quotes import canonical_speakers, extract_quotes, show_quotes
from newslab.segmentation import (
    pos_tag,
    segment,
    segment_many,
    stopwords,
    tokenize,
    tokenize_many,
)
from newslab.stories import cluster_stories
from newslab.terms import distinctive_terms, topic_terms, topics
from newslab.vectorize import similarity, vectorize

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "align_passages",
    "cache_usage",
    "canonical_speakers",
    "clean_text",
    "cleaning_report",
    "cluster_stories",
    "distinctive_terms",
    "extract_quotes",
    "find_duplicates",
    "load_corpus",
    "normalize",
    "plot_distinctive_terms",
    "plot_lengths",
    "plot_quote_modes",
    "plot_speaker_shares",
    "plot_speakers_by_outlet",
    "plot_terms",
    "plot_top_speakers",
    "pos_tag",
    "prune_cache",
    "reused_passages",
    "run_pipeline",
    "segment",
    "segment_many",
    "show_quotes",
    "similarity",
    "stopwords",
    "tokenize",
    "tokenize_many",
    "topic_terms",
    "topics",
    "vectorize",
]
