"""Language identification: which language an article is written in, before anything parses it.

dateline's parser, lexicon and dictionaries are English; a French or Arabic story parsed as English
yields nothing, or noise, in silence. py3langid (a maintained fork of langid.py, whose model ships
inside the wheel: nothing is downloaded) names the language; an article is refused only when the
evidence is clear, since a headline-length English text can look like anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Languages the pipeline codes.
SUPPORTED = frozenset({"en"})
#: Below this many letters a text is taken to be in a supported language (too little evidence).
MIN_LETTERS = 40
#: Probability the identifier must give another language before an article is refused.
MIN_PROBABILITY = 0.9
#: Characters read: the opening of an article says its language as well as the whole.
SAMPLE = 4000


@dataclass(slots=True, frozen=True)
class Identified:
    """A text's language (ISO 639-1) and the identifier's probability for it."""

    language: str
    probability: float

    @property
    def supported(self) -> bool:
        """Whether the pipeline codes text in this language."""
        return self.language in SUPPORTED


class LanguageIdentifier:
    """Names the language of a text; `setup()` loads the model."""

    name = "language"

    def __init__(self) -> None:
        self._model: Any = None

    def setup(self) -> None:
        """Load py3langid's model (once), with probabilities normalised to sum to one."""
        if self._model is not None:
            return
        from py3langid.langid import MODEL_FILE
        from py3langid.langid import LanguageIdentifier as Model

        self._model = Model.from_model_file(MODEL_FILE, norm_probs=True)

    def __call__(self, text: str) -> Identified:
        """The language of ``text``: English unless another language is clearly more likely."""
        sample = text[:SAMPLE]
        if sum(c.isalpha() for c in sample) < MIN_LETTERS:
            return Identified("en", 0.0)
        self.setup()
        language, probability = self._model.classify(sample)
        if language not in SUPPORTED and probability < MIN_PROBABILITY:
            return Identified("en", 1.0 - float(probability))
        return Identified(str(language), float(probability))
