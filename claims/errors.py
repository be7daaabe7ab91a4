"""One exception family; the CLI turns each into a one-line message and exit status 2."""


class NewsdiffError(Exception):
    """Base of every error newsdiff raises on purpose."""


class InputError(NewsdiffError):
    """A path the user gave cannot be read as an article (missing, binary, empty, undecodable, too big)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LexiconError(NewsdiffError):
    """A lexicon or config file is not valid: names the file, the key and the reason."""

    def __init__(self, file: str, key: str, reason: str):
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {reason}")
        self.file = file
        self.key = key
        self.reason = reason


class ConfigError(LexiconError):
    """The user's --config file is not valid."""
