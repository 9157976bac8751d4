"""The words news uses to attribute speech: reporting verbs, statement nouns, source words."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs that introduce what someone said or wrote (lemmas). Around a direct quote any of them is
#: the cue; with a clausal complement ("insisted that ...") they make indirect speech.
SPEECH_VERBS = _words(
    """
    say tell add insist state note stress tweet retweet write declare announce warn explain reply
    respond answer argue claim comment emphasize emphasise continue assert affirm reiterate maintain
    acknowledge admit confirm deny post remark observe point suggest predict vow pledge promise urge
    caution allege contend recall describe underline underscore report conclude disclose reveal
    concede agree quote testify complain demand ask question threaten hint brief joke quip shout
    yell scream chant exclaim boast brag lament muse recount mention repeat counter retort charge
    accuse blast slam criticize criticise praise call inform assure advise proclaim whisper mutter
    plead concur estimate forecast project recommend propose order rule speculate guess wonder read
    begin sing cry laugh sigh interject interrupt scoff snap fume rail tout highlight opine reason
    elaborate clarify specify pronounce relate narrate reassure remind signal indicate message text
    email blog
    """
)
#: Reporting verbs that may put the speaker after them: '"...," said James Acton, a physicist'.
INVERTING = _words(
    """
    say add write continue explain tweet reply respond answer recall note declare insist remark
    conclude argue warn observe counter joke quip report state tell ask
    """
)
#: Verbs of belief and knowledge: attributions too ("Republicans believe that ..."), but only
#: with a clausal complement, never as the cue of a direct quote.
COGNITION_VERBS = _words(
    """
    believe think feel hope expect fear worry know learn find show suspect doubt assume reckon
    understand realize realise calculate determine decide figure imagine recognize recognise judge
    hold
    """
)
#: Verbs that are reporting verbs only with a clause: "he called for", "he asked her to" are not.
CLAUSE_ONLY = _words("call ask order rule read begin continue point hold")
#: Things that speak for their author: "a Foreign Ministry statement said", "his tweet read".
STATEMENT_NOUNS = _words(
    """
    statement communique communiqué release tweet post readout memo letter report filing email
    e-mail message note announcement transcript poll survey study analysis editorial op-ed column
    article notice declaration resolution ruling decision document complaint lawsuit suit video ad
    advertisement speech interview blog website account page tweets posts data figures record
    records
    """
)
#: People who speak for a body: "a Foreign Ministry spokesman said".
SPOKES_NOUNS = _words("spokesman spokeswoman spokesperson representative aide")
#: Nouns of saying whose clause is what was said: "Trump's claim that ...", "a statement saying".
SPEECH_NOUNS = _words(
    """
    claim statement assertion allegation argument warning suggestion insistence promise pledge vow
    charge accusation contention assurance prediction announcement admission acknowledgment
    acknowledgement denial belief view position message remark remarks comment comments tweet
    declaration report reports testimony assessment conclusion finding findings estimate forecast
    projection
    """
)
#: People spoken to: "he emailed supporters saying ..." - the sender speaks.
AUDIENCE_NOUNS = _words(
    """
    supporter reporter voter people crowd audience member follower donor delegate student journalist
    viewer listener reader fan employee worker staff colleague lawmaker congregation attendee
    """
)
#: A dash before a name after a quote signs it: “...” ― Julie Diaz.
SIGNATURE_DASHES = frozenset("\u2015\u2014\u2013-~")
