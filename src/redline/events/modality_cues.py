"""Word lists the modality reader looks for (hedges, denials, conditions, speech verbs)."""

from __future__ import annotations

DENIAL_VERBS = {
    "deny", "dismiss", "refute", "rebut", "disavow", "reject", "dispute", "contradict",
}  # fmt: skip
# Denial verbs that deny only when their object is a report or claim ("rejected claims that",
# "contradicting claims"); "rejected the proposal" is a refusal, an event of its own.
OBJECT_DENIALS = {"reject", "contradict"}
# What is granted or refused rather than true or false: "denied entry", "dismissed the
# request" refuse something; they deny no report.
REFUSABLE_OBJECTS = {
    "request", "application", "bid", "permission", "permit", "access", "entry", "visa",
    "asylum", "clearance", "overflight", "demand", "appeal", "proposal", "offer", "plan",
    "invitation", "meeting", "petition", "plea", "motion", "initiative", "overture",
    "ultimatum",
}  # fmt: skip
# Verbs that name a report with a verdict: "called the reports baseless".
NAMING_VERBS = {"call", "describe", "brand", "label", "term"}
# Speech verbs that set a statement against a claim: "insisted it had not fired".
REBUTTING_SPEECH = {"insist", "maintain", "counter", "retort"}
DENIAL_OBJECTS = {"report", "claim", "allegation", "suggestion", "speculation", "accusation"}
# "called the reports baseless", "reports ... were false": a denial by predicate.
FALSE_WORDS = {
    "false", "baseless", "groundless", "fabricated", "untrue", "fake", "unfounded",
    "nonsense", "absurd", "fabrication", "lie", "disinformation", "rumour", "rumor",
}  # fmt: skip
SPEECH_VERBS = {
    "assure",
    "say",
    "tell",
    "announce",
    "report",
    "state",
    "claim",
    "add",
    "note",
    "confirm",
    "quote",
    "declare",
    "write",
    "insist",
    "stress",
    "assert",
    "reveal",
    "disclose",
    "explain",
}
HEDGE_MODALS = {"may", "might", "could", "would", "should", "can"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HEDGE_ADVERBS = {
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "maybe",
    "potentially",
    "reportedly",
    "allegedly",
    "supposedly",
    "presumably",
}
HEDGE_GOVERNORS = {
    "expect",
    "consider",
    "seek",
    "hope",
    "want",
    "aim",
    "propose",
    "mull",
    "weigh",
    "explore",
    "speculate",
    "predict",
    "suggest",
    "believe",
    "think",
    "suspect",
    "fear",
    "rumour",
    "rumor",
    "intend",
    "threaten",
    "offer",
    "wish",
    "push",
    "urge",
    "call",
    "ask",
}
# "tried to seize", "attempted to assassinate": the attempt is the act (CAMEO codes an
# attempted assassination as the assassination), so these verbs hedge nothing.
ATTEMPTING = {"try", "attempt"}
HEDGE_ADJECTIVES = {
    "likely", "possible", "expected", "poised", "ready", "able", "unlikely", "unclear",
    "uncertain", "conceivable", "plausible",
}  # fmt: skip
HEDGE_NOUNS = {
    "speculation",
    "possibility",
    "prospect",
    "rumour",
    "rumor",
    "chance",
    "likelihood",
    "expectation",
    "plan",
    "proposal",
    "talk",
    "hope",
    "risk",
    "fear",
    "concern",
    "report",
}
SCHEDULE_GOVERNORS = {"plan", "schedule", "set", "due", "prepare", "go", "decide", "resolve"}
CONDITION_MARKS = {"if", "unless"}
NEGATIONS = {"not", "n't", "never", "no"}
NEGATING_GOVERNORS = {"fail", "refuse", "decline", "omit", "stop", "cease", "avoid"}
# Predicates that call off a nominal event ("the talks were cancelled") or move it later
# ("the summit was postponed until May").
CANCELLING = {"cancel", "scrap", "abort", "abandon"}
POSTPONING = {"postpone", "delay", "defer", "reschedule"}
# Nouns that say their "of" object did not happen: "the absence of any strike".
NEGATING_NOUNS = {"absence", "lack"}
# Verbs whose "from" gerund did not happen: "refrained from recognising".
REFRAINING = {"refrain", "abstain", "desist"}
# Reluctance that, negated, asserts: "did not hesitate to condemn".
LITOTES = {"hesitate", "fail"}
# An infinitive after "the first/last/only ..." reports a fact: "the first state to recognise".
ORDINALS = {"first", "last", "only", "second", "third"}
# Spans that date an "ago" phrase well before the report: "a decade ago".
PAST_SPANS = {"decade", "century", "generation"}
# Modifiers that say how a nominal event is presented: "the planned visit", "an alleged
# attack", "the cancelled summit".
SCHEDULED_MODIFIERS = {"planned", "scheduled", "upcoming", "forthcoming", "impending"}
SPECULATIVE_MODIFIERS = {
    "alleged", "suspected", "possible", "potential", "proposed", "rumoured", "rumored",
    "reported", "mooted", "prospective", "apparent", "likely", "hypothetical", "envisaged",
}  # fmt: skip
CANCELLED_MODIFIERS = {"cancelled", "canceled", "scrapped", "aborted", "abandoned"}
# Predicates that put a nominal event in prospect: "a deal is within reach", "sanctions are
# on the table" (preposition, noun lemma).
PROSPECT_PHRASES = {
    ("within", "reach"), ("in", "sight"), ("on", "table"), ("on", "card"), ("in", "work"),
    ("on", "horizon"), ("in", "pipeline"),
}  # fmt: skip
# Verbs of appearance that hedge their complement: "appear close to agreeing".
APPEARANCE = {"appear", "seem", "look"}
# Verbs whose if-clause belongs to what they commit to ("promised help if attacked"):
# the promise itself is not conditional.
COMMISSIVE = {
    "promise",
    "pledge",
    "vow",
    "agree",
    "commit",
    "oblige",
    "obligate",
    "threaten",
    "warn",
    "guarantee",
    "undertake",
    "provide",
    "bind",
    "require",
    "say",
    "state",
    "declare",
}
# Governors that make an infinitive happen ("managed to sign" is asserted).
IMPLICATIVE = {
    "manage", "force", "compel", "begin", "start", "continue", "go", "proceed", "vote",
}  # fmt: skip
# Verbs of perception or finding: negated, what they govern was not seen to happen ("had not
# seen troops fighting"); verifying verbs, negated, leave it unverified ("could not confirm").
PERCEPTION = {"see", "observe", "detect", "find", "witness", "notice", "spot", "record"}
VERIFYING = {"confirm", "verify", "corroborate", "substantiate"}
# Experiencer verbs whose subject is what is judged: "the ties should worry anyone" evaluates
# the ties; its "should" is the speaker's judgement, not a hedge.
EXPERIENCER = {
    "worry", "concern", "alarm", "trouble", "disturb", "unsettle", "frighten", "scare",
    "anger", "outrage", "shock", "dismay", "appal", "appall", "horrify",
}  # fmt: skip
# Judgements that, passive under "should", evaluate their subject: "should be condemned".
EVALUATIVE_PASSIVES = {"condemn", "welcome", "applaud", "praise", "deplore", "denounce"}
# Events that happen by letting them: "allowed the treaty to expire" reports the lapse.
LAPSING = {"expire", "lapse", "die", "end", "terminate", "run"}
PERMITTING = {"allow", "let", "permit"}
# Verbs that put a standing refusal in question: "reconsider its policy of not supplying".
REVERSAL = {
    "reconsider", "review", "rethink", "revisit", "reverse", "revise", "abandon", "drop",
    "scrap", "end", "change", "overturn", "relax", "ease", "lift", "soften",
}  # fmt: skip
# Degree words that keep a hedge adverb a hedge ("most likely"), and those that turn a word
# of certainty into one ("almost certainly").
HEDGE_DEGREES = {"most", "very", "quite", "more", "highly", "all", "so"}
WEAKENERS = {"almost", "nearly", "virtually"}
CERTAINTY_ADVERBS = {"certainly", "surely", "definitely", "undoubtedly", "assuredly"}
# Auxiliaries of a hypothetical outcome: "sending weapons would be a mistake".
HYPOTHETICAL_AUX = {"would", "could"}
