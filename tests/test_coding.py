"""The event coder on hand-written news sentences: CAMEO roots, actors, voice, modality.

Every sentence here was written for these tests (invented but plausible wire copy). Most are full
wire-length sentences; ``test_short_sentences`` checks the terse forms too. Assertions are on
``summary(event)`` = (source code, CAMEO code, target code), on ``event.root`` and on the actors'
countries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest

from conftest import summary
from dateline.records import ActorRef, ArticleRecord, Event

pytestmark = pytest.mark.slow

Coder = Callable[..., ArticleRecord]

#: A date on which every person named below held the office the sentence gives them.
PUBLISHED = "2024-03-13"


class Case(NamedTuple):
    """A sentence and the event it must yield: CAMEO root and, where named, actor countries."""

    text: str
    root: str
    source: str | None = None
    target: str | None = None


def events_of(code: Coder, text: str, published: str | None = PUBLISHED) -> list[Event]:
    return code(text, published=published).events


def show(events: list[Event]) -> str:
    return "; ".join(f"{summary(e)} root={e.root} neg={e.negated} hyp={e.hypothetical}" for e in events)


def country(actor: ActorRef | None) -> str | None:
    return actor.country if actor is not None else None


def matching(events: list[Event], case: Case) -> list[Event]:
    """Events of the case's root whose actors are in the countries the case names."""
    return [
        e
        for e in events
        if e.root == case.root
        and (case.source is None or country(e.source) == case.source)
        and (case.target is None or country(e.target) == case.target)
    ]


def assert_not_same_actor(events: list[Event]) -> None:
    for event in events:
        if event.source is not None and event.target is not None and event.source.code:
            assert not (event.source.code == event.target.code and event.source.name == event.target.name), (
                f"same actor on both sides: {summary(event)}"
            )


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# --- 1. one CAMEO root at a time ------------------------------------------------------------

ROOT_CASES = [
    # 01 make public statement
    Case(
        "The Egyptian foreign ministry declined to comment on Monday on reports of a border incident.",
        "01",
        "EGY",
    ),
    Case(
        "Pakistan claimed responsibility for the missile strikes on militant hideouts inside Iran on Thursday.",
        "01",
        "PAK",
    ),
    Case(
        "The Indian government expressed condolences to Nepal after floods killed dozens in the mountains.",
        "01",
        "IND",
        "NPL",
    ),
    Case(
        "Polish President Andrzej Duda laid a wreath at the war memorial in Warsaw on Sunday morning.",
        "01",
        "POL",
    ),
    # 02 appeal
    Case(
        "Ukraine urged Germany to speed up deliveries of air defence systems before the winter sets in.",
        "02",
        "UKR",
        "DEU",
    ),
    Case(
        "Lebanon appealed to France for urgent financial help to rebuild the port of Beirut last year.",
        "02",
        "LBN",
        "FRA",
    ),
    Case(
        "Kenya called on Somalia to resume talks on the disputed maritime border before the end of the month.",
        "02",
        "KEN",
        "SOM",
    ),
    # 03 express intent to cooperate
    Case(
        "Jordan pledged humanitarian aid to Syria after the earthquake flattened several towns in the north.",
        "03",
        "JOR",
        "SYR",
    ),
    Case(
        "Qatar offered to mediate between Israel and Hamas in the long-running dispute over the prisoners.",
        "03",
        "QAT",
    ),
    Case(
        "Japan will visit South Korea next month to discuss the future of trade relations between them.",
        "03",
        "JPN",
        "KOR",
    ),
    # 04 consult
    Case(
        "Brazil held talks with Argentina on Monday about a new regional trade agreement in Brasilia.",
        "04",
        "BRA",
        "ARG",
    ),
    Case(
        "The Saudi foreign minister visited Iran on Saturday in the first such trip in seven years.",
        "04",
        "SAU",
        "IRN",
    ),
    Case(
        "Egypt's foreign minister spoke by phone with his Turkish counterpart on Sunday about the crisis in Gaza.",
        "04",
        "EGY",
        "TUR",
    ),
    Case(
        "French President Emmanuel Macron hosted German Chancellor Olaf Scholz in Paris for talks on Tuesday.",
        "04",
        "FRA",
        "DEU",
    ),
    pytest.param(
        Case(
            "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday.",
            "04",
            "KEN",
            "ETH",
        ),
        id="04-meet-in-capital",
    ),
    # 05 diplomatic cooperation
    Case(
        "Vietnam praised Cambodia on Friday for its cooperation against human trafficking along the border.",
        "05",
        "VNM",
        "KHM",
    ),
    Case(
        "Indonesia and Malaysia signed an agreement on Tuesday to settle a decades-old maritime dispute.",
        "05",
        "IDN",
        "MYS",
    ),
    Case(
        "Australia restored diplomatic relations with Fiji after a break that lasted more than a decade.",
        "05",
        "AUS",
        "FJI",
    ),
    # 06 material cooperation
    Case(
        "India and France held joint naval exercises in the Arabian Sea over the weekend, officials said.",
        "06",
        "IND",
        "FRA",
    ),
    Case(
        "Canada shared intelligence with Poland about the movements of Belarusian troops near the border.",
        "06",
        "CAN",
        "POL",
    ),
    Case(
        "China has invested billions of dollars in Pakistan over the past decade, officials in Islamabad said.",
        "06",
        "CHN",
        "PAK",
    ),
    # 07 provide aid
    Case(
        "Germany provided military aid to Ukraine worth more than one billion euros over the last year.",
        "07",
        "DEU",
        "UKR",
    ),
    Case(
        "Norway gave financial assistance to Somalia to help the country cope with the severe drought.",
        "07",
        "NOR",
        "SOM",
    ),
    Case(
        "Japan sent humanitarian aid to Turkey on Wednesday after the earthquake killed thousands of people.",
        "07",
        "JPN",
        "TUR",
    ),
    # 08 yield
    Case(
        "Israel withdrew its troops from southern Lebanon on Sunday under the terms of the truce.",
        "08",
        "ISR",
        "LBN",
    ),
    Case(
        "Armenia released four Azerbaijani soldiers on Friday in a goodwill gesture ahead of peace talks.",
        "08",
        "ARM",
        "AZE",
    ),
    Case(
        "Uganda lifted sanctions on Rwanda after talks between the two neighbours in Kampala last week.",
        "08",
        "UGA",
        "RWA",
    ),
    # 09 investigate
    Case(
        "The Ghanaian police launched an investigation into Nigerian traders suspected of fraud in Accra.",
        "09",
        "GHA",
        "NGA",
    ),
    Case(
        "Brazilian prosecutors are investigating Paraguay over the collapse of the dam on the shared river.",
        "09",
        "BRA",
        "PRY",
    ),
    Case(
        "South Africa opened a probe into the deaths of miners at a site run by a private company.",
        "09",
        "ZAF",
    ),
    # 10 demand
    Case(
        "China demanded an apology from Japan on Monday after a Japanese lawmaker visited the shrine.",
        "10",
        "CHN",
        "JPN",
    ),
    Case(
        "Iran demanded the release of its diplomats held in Iraq since the start of the war there.",
        "10",
        "IRN",
    ),
    pytest.param(
        Case(
            "Ukraine demanded the withdrawal of Russian troops from the Zaporizhzhia nuclear plant on Tuesday.",
            "10",
            "UKR",
            "RUS",
        ),
        marks=xfail(
            "'100 demand:v from TARGET' finds the 'from' phrase hanging off the object noun (withdrawal ... "
            "from the plant), so the plant becomes the target instead of the Russian troops"
        ),
        id="10-demand-withdrawal-of-troops",
    ),
    # 11 disapprove
    Case(
        "China criticised Japan on Monday over the release of treated water from the Fukushima plant.",
        "11",
        "CHN",
        "JPN",
    ),
    Case(
        "Egypt condemned Israel for the air strikes that killed dozens of people in Gaza overnight.",
        "11",
        "EGY",
        "ISR",
    ),
    Case(
        "Venezuela accused Colombia of harbouring armed groups along the shared border in the Andes.",
        "11",
        "VEN",
        "COL",
    ),
    # 12 reject
    Case(
        "Serbia rejected the proposal from Kosovo for a new border crossing in the north on Friday.",
        "12",
        "SRB",
        "XKX",
    ),
    Case(
        "Hungary vetoed the European Union plan to send more money to Ukraine at the summit in Brussels.",
        "12",
        "HUN",
    ),
    pytest.param(
        Case(
            "India rejected an offer of talks from Pakistan on Friday, saying that the attacks must stop first.",
            "12",
            "IND",
            "PAK",
        ),
        id="12-reject-offer-from",
    ),
    # 13 threaten
    Case(
        "North Korea threatened South Korea with retaliation over the joint drills off the peninsula.",
        "13",
        "PRK",
        "KOR",
    ),
    Case(
        "Iran warned Israel against any attack on its nuclear facilities during a speech on Friday.",
        "13",
        "IRN",
        "ISR",
    ),
    Case(
        "Russia threatened to impose sanctions on Moldova over its closer ties with Western governments.",
        "13",
        "RUS",
        "MDA",
    ),
    # 14 protest
    Case(
        "Thousands of Kenyans protested against the new finance bill in Nairobi on Tuesday afternoon.",
        "14",
        "KEN",
    ),
    Case(
        "Demonstrators rallied against the government in Bangladesh after police killed two students on Monday.",
        "14",
    ),
    Case(
        "Thousands of workers went on strike across France on Thursday to protest against the pension reform.",
        "14",
    ),
    # 15 exhibit force posture
    Case(
        "Russia deployed troops to the border with Ukraine in the weeks before the invasion began.",
        "15",
        "RUS",
    ),
    Case(
        "India mobilised thousands of soldiers along the disputed border with China in the Himalayas.",
        "15",
        "IND",
    ),
    Case(
        "Taiwan put its forces on high alert after China sent warships into the strait on Sunday.",
        "15",
        "TWN",
    ),
    # 16 reduce relations
    Case(
        "Rwanda cut diplomatic ties with Belgium on Saturday, accusing it of backing the rebels in eastern Congo.",
        "16",
        "RWA",
        "BEL",
    ),
    Case(
        "Britain imposed sanctions on Iran on Thursday over its supply of drones to Russian forces.",
        "16",
        "GBR",
        "IRN",
    ),
    pytest.param(
        Case(
            "Niger expelled the French ambassador on Thursday, weeks after the military seized power in a coup.",
            "16",
            "NER",
            "FRA",
        ),
        id="16-expel-ambassador",
    ),
    # 17 coerce
    Case(
        "Iranian authorities arrested a French citizen in Tehran on spying charges late last week.",
        "17",
        "IRN",
        "FRA",
    ),
    Case(
        "Turkish police detained dozens of journalists in Istanbul during a raid on Tuesday morning.",
        "17",
        "TUR",
    ),
    Case(
        "Nigeria banned Twitter after the company removed a post by the president from its platform.",
        "17",
        "NGA",
    ),
    # 18 assault
    Case(
        "Gunmen abducted ten villagers in northern Nigeria late on Sunday, local police officials said.",
        "18",
    ),
    Case(
        "Russian forces attacked the Ukrainian city of Kharkiv with drones overnight, officials said.",
        "19",
        "RUS",
        "UKR",
    ),
    Case(
        "A suicide bomber killed seven Afghan police officers in Kabul on Wednesday, the interior ministry said.",
        "18",
        None,
        "AFG",
    ),
    # 19 fight
    Case(
        "Ethiopian troops clashed with Eritrean forces along the border near the town of Badme.",
        "19",
        "ETH",
        "ERI",
    ),
    Case(
        "Russian forces shelled the Ukrainian city of Kherson on Sunday, killing three civilians.",
        "19",
        "RUS",
        "UKR",
    ),
    Case(
        "Azerbaijan launched an offensive against Armenian forces in Nagorno-Karabakh on Tuesday morning.",
        "19",
        "AZE",
        "ARM",
    ),
    pytest.param(
        Case(
            "Israeli warplanes struck targets in Syria overnight, the Syrian state news agency reported.",
            "19",
            "ISR",
        ),
        id="19-warplanes-struck",
    ),
    # 20 unconventional mass violence
    Case(
        "The Syrian army used chemical weapons against civilians in Douma in 2018, inspectors concluded.",
        "20",
        "SYR",
    ),
    Case(
        "Myanmar's military carried out ethnic cleansing against the Rohingya in Rakhine state, investigators said.",
        "20",
        "MMR",
    ),
    pytest.param(
        Case(
            "Islamic State fighters committed genocide against the Yazidis in northern Iraq, the United Nations said.",
            "20",
            "IMG",
        ),
        id="20-committed-genocide",
    ),
]


def _case_id(case: object) -> str:
    assert isinstance(case, Case)
    return f"{case.root}-{'-'.join(case.text.split()[:3])}"


@pytest.mark.parametrize("case", ROOT_CASES, ids=_case_id)
def test_root(code: Coder, case: Case) -> None:
    events = events_of(code, case.text)
    assert matching(events, case), f"wanted root {case.root} {case.source}->{case.target}, got {show(events)}"
    assert not any(e.cameo == "010" for e in events)
    assert_not_same_actor(events)


def test_every_root_has_two_sentences() -> None:
    roots: dict[str, int] = {}
    for case in ROOT_CASES:
        if isinstance(case, Case):  # expected to pass: the xfail params do not count
            roots[case.root] = roots.get(case.root, 0) + 1
    assert sorted(roots) == [f"{n:02d}" for n in range(1, 21)]
    assert min(roots.values()) >= 2


# --- actor codes of named people and role words ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turkish President Recep Tayyip Erdogan criticised Israel on Wednesday over its military campaign.",
            ("TURGOV", "110", "ISR"),
        ),
        (
            "Japanese Prime Minister Fumio Kishida will visit India next week to discuss closer defence ties.",
            ("JPNGOV", "036", "IND"),
        ),
        (
            "Ethiopian troops clashed with Eritrean forces along the border near the town of Badme.",
            ("ETHMIL", "190", "ERIMIL"),
        ),
        (
            "Iranian authorities arrested a French citizen in Tehran on spying charges late last week.",
            ("IRNGOV", "173", "FRACVL"),
        ),
        (
            "Two Kenyan aid workers were abducted by al-Shabaab militants near the Somali border on Thursday.",
            ("SOMREBSHB", "181", "KENNGO"),
        ),
        pytest.param(
            "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday.",
            ("KENGOV", "040", "ETHGOV"),
            id="ruto-meets-abiy",
        ),
        pytest.param(
            "Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov in Beijing on Tuesday.",
            ("CHNGOV", "040", "RUSGOV"),
            id="wang-meets-lavrov",
        ),
    ],
)
def test_actor_codes(code: Coder, text: str, expected: tuple[str, str, str]) -> None:
    events = events_of(code, text)
    assert expected in [summary(e) for e in events], show(events)


def test_sentence_initial_the_united_states(code: Coder) -> None:
    events = events_of(
        code, "The United States sent humanitarian aid to Haiti on Friday after weeks of gang violence."
    )
    assert ("USA", "070", "HTI") in [summary(e) for e in events], show(events)


def test_the_united_states_mid_sentence(code: Coder) -> None:
    events = events_of(
        code, "On Friday the United States sent humanitarian aid to Haiti after weeks of gang violence."
    )
    assert ("USA", "070", "HTI") in [summary(e) for e in events], show(events)


# --- 2. passive voice ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        (
            "Pakistan was praised by China on Tuesday for its efforts to stabilise the region.",
            "05",
            "CHN",
            "PAK",
        ),
        (
            "Ukrainian positions near Bakhmut were shelled by Russian forces overnight, the military said.",
            "19",
            "RUS",
            "UKR",
        ),
        (
            "Two Kenyan aid workers were abducted by al-Shabaab militants near the Somali border on Thursday.",
            "18",
            "SOM",
            "KEN",
        ),
        (
            "Venezuela was accused by Colombia on Monday of sheltering armed groups along their shared border.",
            "11",
            "COL",
            "VEN",
        ),
    ],
)
def test_passive_voice(code: Coder, text: str, root: str, source: str, target: str) -> None:
    events = events_of(code, text)
    case = Case(text, root, source, target)
    assert matching(events, case), show(events)
    reversed_case = Case(text, root, target, source)
    assert not matching(events, reversed_case), f"source and target swapped: {show(events)}"


# --- 3. negation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("negative", "positive"),
    [
        (
            "Iran did not attack Israel on Saturday night, according to a statement from the army.",
            "Iran attacked Israel on Saturday night, according to a statement from the army.",
        ),
        ("Iran did not attack Israel.", "Iran attacked Israel."),
    ],
)
def test_negation_flag_and_confidence(code: Coder, negative: str, positive: str) -> None:
    case = Case("", "18", "IRN", "ISR")
    neg = matching(events_of(code, negative), case)
    pos = matching(events_of(code, positive), case)
    assert neg and pos, (show(neg), show(pos))
    assert all(e.negated for e in neg)
    assert not any(e.negated for e in pos)
    assert max(e.confidence for e in neg) < min(e.confidence for e in pos)


def test_refused_to_meet_is_a_rejection_not_a_meeting(code: Coder) -> None:
    events = events_of(
        code,
        "Russia refused to meet Ukrainian officials at the conference in Geneva this week, diplomats said.",
    )
    assert not any(e.root == "04" and not e.negated for e in events), show(events)
    assert any(
        e.cameo == "125" and country(e.source) == "RUS" and country(e.target) == "UKR" for e in events
    ), show(events)


def test_failing_to_agree_is_a_rejection(code: Coder) -> None:
    events = events_of(
        code,
        "Sudan and South Sudan failed to reach an agreement on oil transit fees during talks in Addis Ababa.",
    )
    assert any(e.cameo == "127" and country(e.source) == "SDN" for e in events), show(events)
    assert not any(e.root == "05" and not e.negated for e in events), show(events)


def test_refused_to_meet_is_also_a_rejection(code: Coder) -> None:
    events = events_of(
        code,
        "Russia refused to meet Ukrainian officials at the conference in Geneva this week, diplomats said.",
    )
    assert any(e.cameo == "125" and country(e.source) == "RUS" for e in events), show(events)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "Israel did not withdraw its troops from southern Lebanon by the deadline agreed in the truce.",
            "08",
        ),
        (
            "Egypt has never recognised Israel's annexation of the Golan Heights, the foreign ministry said.",
            "05",
        ),
    ],
)
def test_negated_events(code: Coder, text: str, root: str) -> None:
    events = events_of(code, text)
    found = [e for e in events if e.root == root]
    assert found, show(events)
    assert all(e.negated for e in found), show(events)


# --- 4. hypotheticals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        (
            "If talks fail, Ethiopia could attack Eritrea in the coming weeks, analysts in Addis Ababa said.",
            "18",
            "ETH",
            "ERI",
        ),
        (
            "Iran might retaliate against Israel if the strikes on its nuclear sites continue, diplomats said.",
            "19",
            "IRN",
            "ISR",
        ),
        (
            "Serbia may recall its ambassador from Croatia unless the dispute over the border is settled.",
            "16",
            "SRB",
            None,
        ),
    ],
)
def test_hypothetical(code: Coder, text: str, root: str, source: str, target: str | None) -> None:
    events = events_of(code, text)
    found = matching(events, Case(text, root, source, target))
    assert found, show(events)
    assert all(e.hypothetical for e in found), show(events)


def test_plain_past_is_not_hypothetical(code: Coder) -> None:
    events = events_of(
        code, "Ethiopia attacked Eritrea after the talks failed, analysts in Addis Ababa said on Monday."
    )
    found = matching(events, Case("", "18", "ETH", "ERI"))
    assert found, show(events)
    assert not any(e.hypothetical or e.negated for e in found)


# --- 5. intent and threats -------------------------------------------------------------------


def test_plan_to_send_aid_is_intent(code: Coder) -> None:
    events = events_of(
        code, "China plans to send aid to Nepal after the earthquake that struck the west of the country."
    )
    assert ("CHN", "033", "NPL") in [summary(e) for e in events], show(events)
    assert not any(e.root == "07" for e in events), show(events)


def test_pledged_aid_is_only_intent(code: Coder) -> None:
    events = events_of(
        code, "Jordan pledged humanitarian aid to Syria after the earthquake flattened towns in the north."
    )
    assert any(e.root == "03" for e in events), show(events)
    assert not any(e.root == "07" for e in events), show(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan will visit South Korea next month to discuss the future of trade relations between them.",
            ("JPN", "036", "KOR"),
        ),
        (
            "Turkey will host talks between Russia and Ukraine in Istanbul later this month, the ministry said.",
            ("TUR", "036", "RUS"),  # the host's guests are the other side
        ),
        (
            "Brazil has agreed to meet Argentina next week to discuss the dispute over import tariffs.",
            ("BRA", "036", "ARG"),
        ),
    ],
)
def test_future_meeting_is_intent_036(code: Coder, text: str, expected: tuple[str, str, str | None]) -> None:
    events = events_of(code, text)
    got = [(country(e.source), e.cameo, country(e.target)) for e in events]
    assert expected in got, show(events)
    assert not any(e.root == "04" and country(e.source) == expected[0] for e in events), show(events)


@pytest.mark.parametrize(
    ("text", "source", "target", "prefix"),
    [
        (
            "North Korea threatened to attack South Korea if the joint military drills go ahead next month.",
            "PRK",
            "KOR",
            "138",
        ),
        (
            "Russia threatened to impose sanctions on Moldova over its closer ties with Western governments.",
            "RUS",
            "MDA",
            "1312",
        ),
        (
            "China vowed to invade Taiwan if the island declared independence, a senior general said.",
            "CHN",
            "TWN",
            "138",
        ),
    ],
)
def test_threats(code: Coder, text: str, source: str, target: str, prefix: str) -> None:
    events = events_of(code, text)
    found = [
        e
        for e in events
        if e.root == "13"
        and e.cameo.startswith(prefix)
        and country(e.source) == source
        and country(e.target) == target
    ]
    assert found, show(events)
    assert not any(e.root in ("16", "18", "19") for e in events), f"threat coded as done act: {show(events)}"


# --- 6. reported speech ----------------------------------------------------------------------


def test_reported_speech_codes_the_reported_act(code: Coder) -> None:
    events = events_of(
        code, "Officials said Syrian forces shelled rebel positions in Idlib province on Thursday morning."
    )
    assert any(e.cameo == "194" and country(e.source) == "SYR" for e in events), show(events)
    assert not any(e.root == "01" for e in events), show(events)


def test_reported_speech_with_named_speaker(code: Coder) -> None:
    events = events_of(
        code,
        "Turkish President Recep Tayyip Erdogan said Israel had attacked civilians in Gaza over the weekend.",
    )
    assert any(e.root == "18" and country(e.source) == "ISR" for e in events), show(events)
    assert not any(e.cameo == "010" for e in events), show(events)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the weather was fine for the outdoor ceremony in the capital on Saturday.",
        "A spokesman for the Indian government said on Monday that the meeting had been postponed.",
        "Kenyan officials said the new airport terminal would open to passengers in the spring.",
    ],
)
def test_plain_statement_is_no_event(code: Coder, text: str) -> None:
    events = events_of(code, text)
    assert events == [], show(events)


# --- 7. no default code ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The conference will be held in Geneva next year, the organisers announced on Monday.",
        "Prices rose 3 percent in March, the highest monthly increase in more than a year.",
        "The festival attracted thousands of visitors to the old city over the long holiday weekend.",
        "The central bank kept interest rates unchanged on Thursday, citing uncertainty over the global economy.",
        "Heavy rain is expected across much of southern India later this week, forecasters said.",
    ],
)
def test_no_event_without_a_pattern(code: Coder, text: str) -> None:
    events = events_of(code, text)
    assert events == [], show(events)


# --- 8. same actor on both sides -------------------------------------------------------------


@pytest.mark.parametrize(
    ("same", "control", "expected"),
    [
        (
            "Pakistan's army praised Pakistani soldiers for their courage during the floods in the south.",
            "Pakistan's army praised Afghan soldiers for their courage during the floods in the south.",
            ("PAKMIL", "051", "AFGMIL"),
        ),
        (
            "Israeli police arrested two Israeli police officers on Monday on suspicion of taking bribes.",
            "Israeli police arrested two Palestinian police officers on Monday on suspicion of taking bribes.",
            ("ISRCOP", "173", "PSECOP"),
        ),
        (
            "Iran said on Sunday that it would defend itself against any attack on its territory by foreign forces.",
            "Iran said on Sunday that it would defend Syria against any attack on its territory by foreign forces.",
            ("IRN", "032", "SYR"),  # reported "would defend": stated intent (03),
        ),
    ],
)
def test_same_actor_is_never_both_sides(
    code: Coder, same: str, control: str, expected: tuple[str, str, str]
) -> None:
    """The same sentence with another target is coded, so only the actor check can drop the target."""
    assert expected in [summary(e) for e in events_of(code, control)]
    events = events_of(code, same)
    assert not any(e.cameo == expected[1] and e.target is not None for e in events), show(events)
    for event in events:
        if event.source is not None and event.target is not None:
            assert not (event.source.code and event.source.code == event.target.code), show(events)


# --- known coder faults (the lead's list) ---------------------------------------------------


def test_object_of_lift_is_not_an_imposition(code: Coder) -> None:
    events = events_of(
        code, "Uganda lifted sanctions on Rwanda after talks between the two neighbours in Kampala."
    )
    assert ("UGA", "085", "RWA") in [summary(e) for e in events], show(events)
    assert not any(e.root == "16" for e in events), show(events)


def test_investigated_killing_is_not_the_investigators_act(code: Coder) -> None:
    events = events_of(
        code, "The Ukrainian government launched an investigation into the killing of civilians near Kharkiv."
    )
    assert any(e.root == "09" and country(e.source) == "UKR" for e in events), show(events)
    assert not any(e.root == "18" and country(e.source) == "UKR" for e in events), show(events)


@pytest.mark.xfail(
    reason="a noun trigger in a 'over the X' phrase ('over the new trade agreement with the EU') takes "
    "the clause subject as source, so Russia is coded as signing an agreement with the EU",
    strict=True,
)
def test_agreement_in_reason_phrase_is_not_an_event(code: Coder) -> None:
    events = events_of(
        code,
        "Russia threatened to impose sanctions on Moldova over the new trade agreement with the European Union.",
    )
    assert not any(e.root == "05" and country(e.source) == "RUS" for e in events), show(events)


def test_date_is_never_a_target(code: Coder) -> None:
    texts = [
        "Britain imposed sanctions on Iran on Thursday over its supply of drones to Russian forces.",
        "Turkish police detained dozens of journalists in Istanbul during a raid on Tuesday morning.",
    ]
    for text in texts:
        events = events_of(code, text)
        for event in events:
            assert event.target is None or event.target.text not in ("Thursday", "Tuesday morning"), show(
                events
            )


def test_talks_between_two_countries(code: Coder) -> None:
    events = events_of(
        code,
        "Turkey will host talks between Russia and Ukraine in Istanbul later this month, the ministry said.",
    )
    pairs = [(country(e.source), country(e.target)) for e in events if e.root in ("03", "04")]
    assert ("RUS", "UKR") in pairs, show(events)


def test_accused_of_backing_has_the_accused_as_source(code: Coder) -> None:
    events = events_of(
        code,
        "Rwanda cut diplomatic ties with Belgium on Saturday, accusing it of backing the rebels in eastern Congo.",
    )
    assert not any(e.root == "05" and country(e.source) == "RWA" for e in events), show(events)


def test_demand_that_clause_target(code: Coder) -> None:
    events = events_of(
        code,
        "Pakistan demanded that Afghanistan hand over the militants behind the attack on the police station.",
    )
    assert any(
        e.root == "10" and country(e.source) == "PAK" and country(e.target) == "AFG" for e in events
    ), show(events)


def test_talks_in_purpose_phrase_inherit_the_visitor(code: Coder) -> None:
    events = events_of(
        code,
        "Indian Prime Minister Narendra Modi visited Moscow on Monday for talks with President Vladimir Putin.",
    )
    assert ("INDGOV", "040", "RUSGOV") in [summary(e) for e in events], show(events)


def test_fighting_crime_is_not_combat(code: Coder) -> None:
    events = events_of(
        code, "Vietnam praised Cambodia for its cooperation in fighting human trafficking along the border."
    )
    assert not any(e.root == "19" for e in events), show(events)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Russia attacked Ukraine.", "2022-02-24", ("RUS", "180", "UKR")),
        ("Pakistan was praised by China.", PUBLISHED, ("CHN", "051", "PAK")),
        ("Japan will visit India.", PUBLISHED, ("JPN", "036", "IND")),
        ("China plans to send aid to Nepal.", PUBLISHED, ("CHN", "033", "NPL")),
        ("North Korea threatened to attack South Korea.", PUBLISHED, ("PRK", "1383", "KOR")),
        # unplaced sides take the one country of their sentence (dateline.coding.placement)
        ("Gunmen abducted ten villagers in northern Nigeria.", PUBLISHED, ("NGAUAF", "181", "NGACVL")),
        (
            "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed.",
            PUBLISHED,
            ("KENGOV", "040", "ETHGOV"),
        ),
        (
            "Officials said Syrian forces shelled rebel positions in Idlib.",
            PUBLISHED,
            ("SYRMIL", "194", "SYRREB"),
        ),
    ],
)
def test_short_sentences(code: Coder, text: str, published: str, expected: tuple[str, str, str]) -> None:
    events = events_of(code, text, published=published)
    assert expected in [summary(e) for e in events], show(events)
    assert not any(e.negated or e.hypothetical for e in events if summary(e) == expected)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the weather was fine.",
        "The conference will be held in Geneva next year.",
        "Prices rose 3 percent in March.",
    ],
)
def test_short_sentences_without_event(code: Coder, text: str) -> None:
    events = events_of(code, text)
    assert events == [], show(events)
