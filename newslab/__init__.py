"""newslab: explore Vietnamese news.

Load a folder of articles, find copies and stories, see what each story and outlet is about,
and who gets quoted. Every step takes and returns pandas DataFrames.

Example:
    >>> import newslab
    >>> corpus = newslab.load_corpus("seeds")  # doctest: +SKIP
"""

from newslab.cleaning import clean_text, cleaning_report
from newslab.corpus import load_corpus
from newslab.normalization import normalize
from newslab.plots_corpus import plot_lengths

# segmentation (issue 3)
from newslab.segmentation import (
    pos_tag,
    segment,
    segment_many,
    stopwords,
    tokenize,
    tokenize_many,
)

# duplicates and stories (issue 4)
from newslab.duplicates import find_duplicates
from newslab.passages import align_passages, reused_passages
from newslab.stories import cluster_stories
from newslab.vectorize import similarity, vectorize

# topic terms (issue 5)
from newslab.plots_terms import plot_distinctive_terms, plot_terms
from newslab.terms import distinctive_terms, topic_terms, topics

# quotes (issue 6)
from newslab.plots_quotes import (
    plot_quote_modes,
    plot_speaker_shares,
    plot_speakers_by_outlet,
    plot_top_speakers,
)
from newslab.quotes import canonical_speakers, extract_quotes, show_quotes

# pipeline (issue 7)
from newslab.pipeline import run_pipeline

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "run_pipeline",
    "canonical_speakers",
    "extract_quotes",
    "show_quotes",
    "plot_quote_modes",
    "plot_speaker_shares",
    "plot_speakers_by_outlet",
    "plot_top_speakers",
    "clean_text",
    "distinctive_terms",
    "plot_distinctive_terms",
    "plot_terms",
    "topic_terms",
    "topics",
    "find_duplicates",
    "cleaning_report",
    "load_corpus",
    "normalize",
    "plot_lengths",
    "pos_tag",
    "segment",
    "segment_many",
    "stopwords",
    "tokenize",
    "tokenize_many",
    "align_passages",
    "cluster_stories",
    "reused_passages",
    "similarity",
    "vectorize",
]
