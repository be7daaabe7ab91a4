"""newsdiff's library: read news articles, extract who claimed what, align claims across sources, judge them.

The pipeline, one module per stage: read -> clean -> normalize -> detect -> segment -> extract
(figures, dates, entities, claims) -> align -> judge. `claims` never imports click, rich or cli.
"""
__version__ = "0.1.0"

from .errors import ConfigError, InputError, LexiconError, NewsdiffError  # noqa: E402
from .lexicon import Knowledge, load_config  # noqa: E402
from .model import Alignment, Claim, Corpus, Document, Dropped, Event, Figure, Mention, Speaker  # noqa: E402

__all__ = [
    "__version__",
    "Alignment", "Claim", "Corpus", "Document", "Dropped", "Event", "Figure", "Mention", "Speaker",
    "Knowledge", "load_config",
    "NewsdiffError", "InputError", "LexiconError", "ConfigError",
]
