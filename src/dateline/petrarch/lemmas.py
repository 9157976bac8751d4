"""A small lemmatiser for the verb words of PETRARCH dictionaries.

CAMEO.2.0 lists base forms ("ACCELERATE", "SPEED"); the TABARI-era validation dictionary has
inflected headers ("SAID", "KILLED", "MAKING"). Irregular forms come from a table; regular
-s/-ed/-ing endings are undone with the usual spelling rules. A base form is left alone (words
ending in -eed, -ss, -us, or whose stem would lose its vowel). A wrong guess costs little: the
coder also tries a token's own text when its lemma has no pattern.
"""

from __future__ import annotations

_IRREGULAR = {
    "am": "be",
    "are": "be",
    "is": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "has": "have",
    "had": "have",
    "does": "do",
    "did": "do",
    "done": "do",
    "goes": "go",
    "went": "go",
    "gone": "go",
    "says": "say",
    "said": "say",
    "began": "begin",
    "begun": "begin",
    "bore": "bear",
    "borne": "bear",
    "bit": "bite",
    "bitten": "bite",
    "blew": "blow",
    "blown": "blow",
    "broke": "break",
    "broken": "break",
    "brought": "bring",
    "bought": "buy",
    "burnt": "burn",
    "caught": "catch",
    "chose": "choose",
    "chosen": "choose",
    "dealt": "deal",
    "drew": "draw",
    "drawn": "draw",
    "drove": "drive",
    "driven": "drive",
    "fell": "fall",
    "fallen": "fall",
    "fed": "feed",
    "felt": "feel",
    "fled": "flee",
    "fought": "fight",
    "forbade": "forbid",
    "forbidden": "forbid",
    "forgave": "forgive",
    "forgiven": "forgive",
    "froze": "freeze",
    "frozen": "freeze",
    "gave": "give",
    "given": "give",
    "got": "get",
    "gotten": "get",
    "grew": "grow",
    "grown": "grow",
    "heard": "hear",
    "held": "hold",
    "hid": "hide",
    "hidden": "hide",
    "hung": "hang",
    "kept": "keep",
    "knew": "know",
    "known": "know",
    "laid": "lay",
    "led": "lead",
    "left": "leave",
    "lent": "lend",
    "lost": "lose",
    "made": "make",
    "meant": "mean",
    "met": "meet",
    "paid": "pay",
    "ran": "run",
    "rode": "ride",
    "ridden": "ride",
    "rose": "rise",
    "risen": "rise",
    "sank": "sink",
    "sunk": "sink",
    "seen": "see",
    "sent": "send",
    "shook": "shake",
    "shaken": "shake",
    "shot": "shoot",
    "sold": "sell",
    "sought": "seek",
    "spent": "spend",
    "spoke": "speak",
    "spoken": "speak",
    "sped": "speed",
    "sprang": "spring",
    "sprung": "spring",
    "stole": "steal",
    "stolen": "steal",
    "stood": "stand",
    "struck": "strike",
    "stricken": "strike",
    "stung": "sting",
    "swept": "sweep",
    "swore": "swear",
    "sworn": "swear",
    "swung": "swing",
    "took": "take",
    "taken": "take",
    "taught": "teach",
    "tore": "tear",
    "torn": "tear",
    "told": "tell",
    "thought": "think",
    "threw": "throw",
    "thrown": "throw",
    "understood": "understand",
    "undertook": "undertake",
    "undertaken": "undertake",
    "overcame": "overcome",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "won": "win",
    "wore": "wear",
    "worn": "wear",
    "wrote": "write",
    "written": "write",
}
#: Base forms that look inflected.
_KEEP = frozenset({"embed", "imbed", "shred", "bring", "spring", "string", "sting", "swing", "ring"})
_VOWELS = "aeiou"


def lemma(word: str) -> str:
    """The base form of a verb word ("SAID" -> "say", "MAKING" -> "make", "ACCELERATE" unchanged)."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _KEEP or not w.isalpha():
        return w
    if len(w) > 4 and w.endswith(("ied", "ies")):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing") and _has_vowel(w[:-3]):
        return _restore(w[:-3])
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed") and _has_vowel(w[:-2]):
        return _restore(w[:-2])
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and w[-2] not in "siua":
        return w[:-1]
    return w


def _has_vowel(stem: str) -> bool:
    return any(c in _VOWELS for c in stem)


def _groups(stem: str) -> int:
    count, previous = 0, False
    for char in stem:
        vowel = char in _VOWELS
        if vowel and not previous:
            count += 1
        previous = vowel
    return count


def _restore(stem: str) -> str:
    """Undo doubling ("stopp" -> "stop") or put back a silent e ("mak" -> "make")."""
    last = stem[-1]
    if len(stem) > 2 and last == stem[-2] and last not in _VOWELS:
        if last in "sz" or (last == "l" and _groups(stem) < 2):
            return stem
        return stem[:-1]
    if (
        last in "vzcu"
        or stem.endswith(("rg", "dg"))
        or (stem.endswith(("ang", "eng", "ung")) and len(stem) >= 5)
        or (last == "l" and stem[-2] not in _VOWELS + "lr")
        or (last == "s" and stem[-2] not in _VOWELS + "s")
        or (last == "s" and len(stem) > 2 and stem[-2] in _VOWELS and stem[-3] in _VOWELS)
        or (stem.endswith("at") and len(stem) >= 5)
    ):
        return stem + "e"
    if len(stem) <= 4 and _groups(stem) == 1 and _cvc(stem):
        return stem + "e"
    return stem


def _cvc(stem: str) -> bool:
    if len(stem) < 3:
        return len(stem) == 2 and stem[0] in _VOWELS and stem[1] not in _VOWELS + "wxy"
    return stem[-3] not in _VOWELS and stem[-2] in _VOWELS and stem[-1] not in _VOWELS + "wxy"
