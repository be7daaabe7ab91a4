"""newsdiff's library: read news articles, extract who claimed what, align claims across sources, judge them.

The pipeline, one module per stage: read -> clean -> normalize -> detect -> segment -> extract
(figures, dates, entities, claims) -> align -> judge. `claims` never imports click, rich or cli.
"""
__version__ = "0.1.0"

from .align import align_claims  # noqa: E402
from .errors import ConfigError, InputError, LexiconError, NewsdiffError  # noqa: E402
from .extract import extract_claims  # noqa: E402
from .judge import judge_alignments  # noqa: E402
from .lexicon import Knowledge, load_config  # noqa: E402
from .model import (Alignment, Candidate, Claim, Corpus, Document, Dropped, Event, Figure, Mention,  # noqa: E402
                    Speaker)
from .pipeline import Report, compare, extract, read_sources  # noqa: E402
from .read import load_corpus  # noqa: E402

__all__ = [
    "__version__",
    # the whole job, one function per command
    "read_sources", "extract", "compare", "Report",
    # the stages
    "load_corpus", "extract_claims", "align_claims", "judge_alignments",
    # the data between them
    "Alignment", "Candidate", "Claim", "Corpus", "Document", "Dropped", "Event", "Figure", "Mention", "Speaker",
    "Knowledge", "load_config",
    "NewsdiffError", "InputError", "LexiconError", "ConfigError",
]
