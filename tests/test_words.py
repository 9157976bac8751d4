"""Word classes (`dateline.words`): invariants of the shipped ``data/words/*.toml``, how the
classes the coder, coreference and the quote finder share relate, a user's words files over ours
(reaching the stages), and a user's ``coding.toml`` merged over ours."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from dateline.coding.lexicon import Lexicon
from dateline.errors import ConfigError
from dateline.resources import data_path
from dateline.words import Words, default_words


@pytest.fixture(scope="module")
def words() -> Words:
    return default_words()


def _shipped_lists() -> list[tuple[str, list[str]]]:
    found = []
    for path in sorted(data_path("words").glob("*.toml")):
        with path.open("rb") as handle:
            for name, items in tomllib.load(handle).items():
                found.append((f"{path.stem}.{name}", items))
    return found


def _user_dir(tmp_path: Path, family: str, text: str, name: str = "user") -> Path:
    directory = tmp_path / name
    (directory / "words").mkdir(parents=True, exist_ok=True)
    (directory / "words" / f"{family}.toml").write_text(text, encoding="utf-8")
    return directory


# --- the shipped classes ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "items"), _shipped_lists(), ids=lambda v: v if isinstance(v, str) else "")
def test_shipped_class_is_a_clean_list(name: str, items: list[str]) -> None:
    assert items, f"{name} is empty"
    assert len(items) == len(set(items)), f"{name} repeats {[i for i in items if items.count(i) > 1]}"
    for item in items:
        assert item == item.lower() and item == item.strip() and not item.startswith("-"), (name, item)


def test_every_class_resolves_non_empty(words: Words) -> None:
    assert len(words) == len(_shipped_lists())
    for name in words:
        assert words[name], name
        assert all(w == w.lower() for w in words[name]), name


def test_a_word_has_one_home_in_a_class_and_those_it_includes(words: Words) -> None:
    """A class that includes another does not repeat its words."""
    for name, items in _shipped_lists():
        family = name.split(".")[0]
        included: set[str] = set()
        for item in items:
            if item.startswith("@"):
                target = item[1:] if "." in item else f"{family}.{item[1:]}"
                included |= words[target]
        assert not included & set(items), (name, included & set(items))


# --- how the classes relate ------------------------------------------------------------------


def test_speech_verbs_nest(words: Words) -> None:
    """The coder's reporting verbs are coreference's reporter verbs, which are quote cues."""
    assert words["speech.reporting_verbs"] < words["speech.reporter_verbs"] < words["speech.verbs"]
    assert words["speech.inverting_verbs"] <= words["speech.verbs"]
    assert words["speech.clause_only_verbs"] <= words["speech.verbs"] | words["speech.cognition_verbs"]


def test_cognition_verbs_are_no_quote_cues(words: Words) -> None:
    assert not words["speech.cognition_verbs"] & words["speech.verbs"]


def test_speech_nouns_and_allegations(words: Words) -> None:
    """Accusations are both nouns of saying (quotes) and allegations (the coder); hearsay is only
    an allegation: nobody is quoted making a rumour."""
    accusations = words["speech.accusation_nouns"]
    assert accusations <= words["speech.nouns"] and accusations <= words["speech.allegation_nouns"]
    assert not (words["speech.allegation_nouns"] - accusations) & words["speech.nouns"]


def test_message_nouns_are_speech_or_statement_nouns(words: Words) -> None:
    speech = words["speech.nouns"] | words["speech.statement_nouns"]
    assert words["speech.message_nouns"] - speech == {"reminder"}


def test_speakers_and_audiences_are_not_statements(words: Words) -> None:
    statements = words["speech.statement_nouns"]
    assert not words["speech.spokes_nouns"] & statements
    assert not words["speech.audience_nouns"] & (statements | words["speech.spokes_nouns"])


def test_pronoun_classes(words: Words) -> None:
    assert words["pronouns.person"] == words["pronouns.male"] | words["pronouns.female"]
    assert not words["pronouns.male"] & words["pronouns.female"]
    assert not words["pronouns.first_person_plural"] & words["pronouns.first_person_singular"]


def test_plural_references_are_group_words(words: Words) -> None:
    group = words["pronouns.group"] | words["mentions.group_nouns"]
    assert words["mentions.plural_references"] <= group


def test_gender_words_do_not_disagree(words: Words) -> None:
    for kind in ("titles", "roles"):
        assert not words[f"gender.male_{kind}"] & words[f"gender.female_{kind}"]


# --- a user's words files --------------------------------------------------------------------


def test_user_words_add_and_remove(tmp_path: Path) -> None:
    user = _user_dir(tmp_path, "speech", 'reporting_verbs = ["whisper", "-write"]\n')
    words = Words.load([user])
    shipped = default_words()
    for name in ("speech.reporting_verbs", "speech.reporter_verbs", "speech.verbs"):
        assert "whisper" in words[name], name  # and in the classes that include it
        assert "write" in shipped[name] and "write" not in words[name], name
    assert words["speech.reporting_verbs"] == shipped["speech.reporting_verbs"] - {"write"} | {"whisper"}
    assert words["speech.cognition_verbs"] == shipped["speech.cognition_verbs"]


def test_a_removal_in_the_including_class_stays_there(tmp_path: Path) -> None:
    words = Words.load([_user_dir(tmp_path, "speech", 'verbs = ["-say"]\n')])
    assert "say" not in words["speech.verbs"] and "say" in words["speech.reporting_verbs"]


def test_user_words_replace_a_class(tmp_path: Path) -> None:
    words = Words.load([_user_dir(tmp_path, "pronouns", 'relative = ["-*", "who"]\n')])
    assert words["pronouns.relative"] == {"who"}


def test_first_directory_wins(tmp_path: Path) -> None:
    first = _user_dir(tmp_path, "speech", 'reporting_verbs = ["-whisper"]\n', name="first")
    second = _user_dir(tmp_path, "speech", 'reporting_verbs = ["whisper"]\n', name="second")
    assert "whisper" not in Words.load([first, second])["speech.reporting_verbs"]
    assert "whisper" in Words.load([second, first])["speech.reporting_verbs"]


def test_a_user_may_drop_an_included_class(tmp_path: Path) -> None:
    words = Words.load([_user_dir(tmp_path, "speech", 'reporter_verbs = ["-@reporting_verbs"]\n')])
    assert "say" not in words["speech.reporter_verbs"] and "warn" in words["speech.reporter_verbs"]
    assert "say" in words["speech.reporting_verbs"]


def test_without_shipped_words_only_the_users_are_there(tmp_path: Path) -> None:
    words = Words.load([_user_dir(tmp_path, "speech", 'denial_verbs = ["deny"]\n')], shipped=False)
    assert words["speech.denial_verbs"] == {"deny"}
    assert words["speech.verbs"] == frozenset()


@pytest.mark.parametrize(
    ("family", "text", "message"),
    [
        ("speech", 'reportng_verbs = ["whisper"]\n', "speech.reporting_verbs"),  # did you mean
        ("speech", 'reporting_verbs = "whisper"\n', "must be a list of words"),
        ("speech", 'reporting_verbs = ["Whisper"]\n', "is not a word"),
        ("speech", 'reporting_verbs = ["whisper"\n', "cannot read it as TOML"),
        ("speech", 'verbs = ["@nowhere"]\n', "no such class"),
        ("speech", 'reporting_verbs = ["@verbs"]\n', "in a circle"),
        ("spech", 'verbs = ["whisper"]\n', "no word class 'spech.verbs'"),
    ],
)
def test_malformed_user_file_is_a_config_error(tmp_path: Path, family: str, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Words.load([_user_dir(tmp_path, family, text)])
    assert message in str(caught.value)
    assert caught.value.hint, "the error says how to fix it"


def test_unknown_class_name_in_code_is_a_config_error(words: Words) -> None:
    with pytest.raises(ConfigError, match=r"speech\.reporting_verbs"):
        words["speech.reporting_verb"]


# --- user words reach the stages -------------------------------------------------------------


def test_user_words_reach_the_stages(tmp_path: Path) -> None:
    from dateline.pipeline import PipelineConfig
    from dateline.stages import SharedResources
    from dateline.stages.analysis import Dates, Quotes
    from dateline.stages.document import Extract

    user = _user_dir(tmp_path, "speech", 'reporting_verbs = ["grumble"]\n')
    _user_dir(tmp_path, "pages", 'social_words = ["-share"]\n')
    config = PipelineConfig(data_dirs=(str(user),))
    shared = SharedResources(config)
    assert "grumble" in Quotes.from_config(config, shared).finder.words["speech.verbs"]
    assert "grumble" in Dates.from_config(config, shared).dater.words["speech.reporting_verbs"]
    assert "share" not in Extract.from_config(config, shared).extractor.words["pages.social_words"]
    assert "grumble" in Lexicon.load(config.data_dirs).words["speech.reporting_verbs"]


@pytest.mark.slow
def test_a_new_reporting_verb_changes_quotes_and_coding(pipeline: Any, tmp_path: Path) -> None:
    from dateline.actors import ActorResolver
    from dateline.coding.coder import EventCoder
    from dateline.coref import Coreference
    from dateline.quoting import QuoteFinder

    user = _user_dir(tmp_path, "speech", 'reporting_verbs = ["grumble"]\n')
    doc = pipeline.nlp.pipe(["Russia grumbled it would send troops to Syria next week."])[0]
    resolver = ActorResolver(pipeline.dictionary)
    found = {}
    for label, lexicon in (("ours", Lexicon.load()), ("user's", Lexicon.load([user]))):
        coref = Coreference(doc, resolver, lexicon.words)
        quotes = QuoteFinder(lexicon.words)(doc, coref.actor)
        coder = EventCoder(lexicon)
        coder.setup()
        events = coder.code_doc(doc, "t", Coreference(doc, resolver, lexicon.words))
        found[label] = ([q.content for q in quotes], [(e.cameo, e.hypothetical) for e in events])
    assert found["ours"][0] == []
    assert found["user's"][0] == ["it would send troops to Syria next week"]
    # "grumbled it would send troops": the future of reported speech (a threat), not a condition
    assert all(hypothetical for _, hypothetical in found["ours"][1])
    assert found["user's"][1] and not any(hypothetical for _, hypothetical in found["user's"][1])


# --- coding.toml ------------------------------------------------------------------------------


def _coding_toml(tmp_path: Path, text: str) -> Path:
    directory = tmp_path / "rules"
    directory.mkdir(exist_ok=True)
    (directory / "coding.toml").write_text(text, encoding="utf-8")
    return directory


def test_user_coding_toml_merges_key_by_key(tmp_path: Path) -> None:
    user = _coding_toml(
        tmp_path,
        '[threat]\nverbs = ["threaten"]\n[threat.codes]\n"14" = "1311"\n"99" = "130"\n[posture]\ncode = "151"\n',
    )
    ours, theirs = Lexicon.load(), Lexicon.load([user])
    assert theirs.threat_verbs == {"threaten"}  # a list is replaced whole
    assert theirs.threat_codes["14"] == "1311" and theirs.threat_codes["99"] == "130"
    assert {k: v for k, v in theirs.threat_codes.items() if k not in ("14", "99")} == {
        k: v for k, v in ours.threat_codes.items() if k != "14"
    }
    assert theirs.posture_code == "151" and theirs.posture_verbs == ours.posture_verbs
    assert theirs.intent_verbs == ours.intent_verbs and theirs.demand_codes == ours.demand_codes


def test_coding_toml_is_read_without_shipped_dictionaries(tmp_path: Path) -> None:
    user = _coding_toml(tmp_path, '[posture]\ncode = "151"\n')
    lexicon = Lexicon.load([user], shipped=False)
    assert len(lexicon) == 0 and lexicon.posture_code == "151" and lexicon.threat_codes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[threats]\nverbs = ["threaten"]\n', "unknown key 'threats'"),
        ('[threat]\nverb = ["threaten"]\n', "unknown key 'verb'"),
        ('[threat]\nverbs = "threaten"\n', "is a text, not a list"),
        ("[threat\n", "not valid TOML"),
    ],
)
def test_malformed_user_coding_toml_is_a_config_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Lexicon.load([_coding_toml(tmp_path, text)])
