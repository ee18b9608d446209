"""The data model of the guide: pydantic models that validate the YAML files and document them.

Every model forbids unknown fields. Closed vocabularies are ``str`` enums. Every piece of prose a
reader sees is a :class:`Text` holding English and Spanish side by side; official titles stay in
their original language (``title``) with an optional gloss.

Field descriptions here are the data dictionary: the contributor page is generated from them.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

LANGUAGES = ("en", "es")

GUIDE_CODES = ("CJ1", "CJ2", "CJ3", "CJ4", "CJ5", "IE1", "IE2", "IE3", "IE4", "IE5", "IE6", "IC1", "IC2", "IC3")
"""The 14 provision codes of the 2016 guide; used only when the section files cannot be read."""

# ---------------------------------------------------------------- small reusable types

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]*$|^https?://[^\s/$.?#][^\s]*/[^\s]*$", re.I)
_FUZZY_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError("must be lowercase letters, digits and single hyphens, like 'new-orleans'")
    return value


def _check_url(value: str) -> str:
    if not _URL.match(value) or " " in value:
        raise ValueError(f"not a valid http(s) URL: {value!r}")
    return value


def _to_date_text(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return value


def _check_fuzzy_date(value: str) -> str:
    if not _FUZZY_DATE.match(value):
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(f"not a real date: {value!r}") from None
    if not 1800 <= parts[0] <= 2100:
        raise ValueError(f"year out of range: {value!r}")
    return value


def _check_full_date(value: str) -> str:
    _check_fuzzy_date(value)
    if len(value) != 10:
        raise ValueError(f"needs a full date YYYY-MM-DD, got {value!r}")
    return value


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, AfterValidator(_check_slug)]
Url = Annotated[str, AfterValidator(_check_url)]
FuzzyDate = Annotated[str, BeforeValidator(_to_date_text), AfterValidator(_check_fuzzy_date)]
"""A date as precise as the source allows: ``2017-03-20``, ``2017-03`` or ``2017``."""
FullDate = Annotated[str, BeforeValidator(_to_date_text), AfterValidator(_check_full_date)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Text(Strict):
    """Prose in both languages of the guide. Both are required."""

    en: NonEmpty = Field(description="English text.")
    es: NonEmpty = Field(description="Spanish text (plain Latin American Spanish, usted).")

    def __call__(self, lang: str) -> str:
        return getattr(self, lang)


SHORT_NAME_MAX = 36
"""A provision's short name heads a column of the compare table: a few words, no more."""


def _check_short_name(value: Text) -> Text:
    for lang in LANGUAGES:
        if len(value(lang)) > SHORT_NAME_MAX:
            raise ValueError(f"a short name has at most {SHORT_NAME_MAX} characters ({lang}: {len(value(lang))}, {value(lang)!r})")
    return value


ShortName = Annotated[Text, AfterValidator(_check_short_name)]


class QuoteLang(str, Enum):
    en = "en"
    es = "es"


Name = Annotated[NonEmpty | Text, Field(union_mode="left_to_right")]
"""A name or title as its owner writes it (a plain string, in its original language, shown marked
as such on pages of the other language), or, when it holds words of ours, ``{en, es}``."""


def in_language(value: str | Text | None, lang: str) -> str:
    """A :data:`Name` as a language shows it: ours in that language, an original as written."""
    if value is None:
        return ""
    return value(lang) if isinstance(value, Text) else value


class TextList(Strict):
    """A list of short phrases in both languages (for example extra search words)."""

    en: list[NonEmpty] = Field(default_factory=list)
    es: list[NonEmpty] = Field(default_factory=list)


# ---------------------------------------------------------------- vocabularies


class Status(str, Enum):
    """How far a place's policies provide a provision."""

    yes = "yes"  # a policy clearly provides it
    partial = "partial"  # limited, has exceptions, covers some agencies, only state law, or under legal attack
    no = "no"  # a policy contradicts it
    unknown = "unknown"  # researched, nothing found either way (says what was searched); NOT "the place lacks it"
    not_researched = "not-researched"  # nobody has checked yet


class PlaceKind(str, Enum):
    city = "city"
    county = "county"
    city_county = "city-county"
    state = "state"


class Instrument(str, Enum):
    """Kinds of legal instrument a place uses."""

    ordinance = "ordinance"
    executive_order = "executive-order"
    police_policy = "police-policy"
    jail_policy = "jail-policy"
    prosecutor_policy = "prosecutor-policy"
    resolution = "resolution"
    state_law = "state-law"
    court_order = "court-order"
    statement = "statement"
    program = "program"
    lawsuit = "lawsuit"
    other = "other"


class PolicyState(str, Enum):
    """Where a policy stands today (as of the place's review date)."""

    in_force = "in-force"
    amended = "amended"  # in force, changed later (say how in `changes`)
    weakened = "weakened"  # in force on paper but narrowed by a later law or policy
    challenged = "challenged"  # in force, under legal attack
    blocked = "blocked"  # suspended by a court
    repealed = "repealed"
    expired = "expired"
    historical = "historical"  # a one-off act (a statement, a lawsuit filed) rather than a rule
    unknown = "unknown"


class SourceKind(str, Enum):
    """Who published a source. Prefer official publishers."""

    official = "official"  # the government body itself: code, press release, policy manual
    legislature = "legislature"
    court = "court"
    news = "news"
    advocacy = "advocacy"  # legal or advocacy organisation
    research = "research"
    aggregator = "aggregator"  # a mirror or republisher: weaker, replace when possible


# ---------------------------------------------------------------- sources


class Source(Strict):
    """One document that backs a fact."""

    id: Slug = Field(description="Short id, unique in its file, used by `sources:` lists.")
    title: NonEmpty = Field(description="Title as published, in its original language.")
    lang: QuoteLang = Field(QuoteLang.en, description="Language of the title as published (`es` for a Spanish document).")
    url: Url = Field(description="The original publisher's URL where possible.")
    publisher: Name = Field(
        description="Who published it, as it names itself (e.g. 'City of Long Beach', 'Axios'); when the entry adds words of ours "
        "(where the copy we read is, who republished it: 'Verite News (republished by louisianabest.us)'), {en, es}.")
    kind: SourceKind
    date: FuzzyDate | None = Field(None, description="Publication date, as precise as known.")
    unverified: bool = Field(False, description="True when no primary source confirmed what we cite it for.")


# ---------------------------------------------------------------- provisions




class Rationale(Strict):
    """A reason the provision matters, in our own words, with its source."""

    text: Text
    sources: list[Slug] = Field(min_length=1)


class ModelText(Strict):
    """How a place wrote the provision into law: an enacted or model text."""

    title: Name = Field(description="The text's own title, original language; {en, es} when the name is ours.")
    gloss: Text | None = Field(None, description="What it is, in plain words (shown before an original title on the other language's pages).")
    place: Text
    year: FuzzyDate | None = None
    clauses: Text = Field(description="Its key clauses, in our own words.")
    sources: list[Slug] = Field(min_length=1)


class Provision(Strict):
    """One of the 14 things a sanctuary place can do, from the 2016 guide."""

    code: Annotated[str, StringConstraints(pattern=r"^(CJ|IE|IC)[0-9]$")] = Field(
        description="Stable code: CJ (criminal justice), IE (immigration enforcement), IC (inclusive community)."
    )
    slug: Slug = Field(description="Readable anchor and page name, e.g. 'no-private-prisons': the provision's page is criminal-justice/no-private-prisons/.")
    title: Text = Field(description="Short title.")
    short: ShortName = Field(description=f"A name of a few words (at most {SHORT_NAME_MAX} characters) for a column heading of the compare table, e.g. 'No private prisons'.")
    recommendation: Text = Field(description="The guide's own recommendation, in plain words.")
    meaning: Text = Field(description="What it means in practice.")
    why: list[Rationale] = Field(min_length=1, description="Why it matters, each reason sourced.")
    instruments: list[Instrument] = Field(min_length=1, description="How places adopt it.")
    limits: Text = Field(description="What it cannot do, and the court rulings or laws that limit it.")
    keywords: TextList = Field(default_factory=TextList, description="Extra words readers search for.")
    models: list[ModelText] = Field(default_factory=list)


class Allowance(Strict):
    """A longer phrase that holds an avoided variant and is correct where it stands."""

    phrase: NonEmpty = Field(description="The correct phrase, as written (matched like a variant).")
    why: NonEmpty = Field(description="Why this phrase is right although it holds an avoided variant.")


class Avoid(Strict):
    """Spanish words a page must not use for a term, because they mislead.

    Why this exists: the same English legal word had several Spanish renderings across the data,
    and some of them say something else to a reader: "protección mínima" reads as weak protection,
    a bare "orden judicial" was used both for a warrant signed by a judge and for an injunction,
    "registrar" is used for frisks and registries as well as for booking. The term's Spanish name
    is fixed once here, and tests (tests/test_terms.py) fail when the data, the interface strings
    or a built Spanish page use a variant listed here.

    A variant is matched as whole words, ignoring case. In a variant, ``*`` stands for the rest of
    a word ("registr*" matches "registra", "registraron") and `` … `` for up to four words in
    between ("registr* … en la cárcel"). An occurrence inside one of the ``allow`` phrases is not
    counted: that is how the recommended form "orden judicial firmada por un juez" keeps its
    "orden judicial".
    """

    es: list[NonEmpty] = Field(min_length=1, description="Spanish variants not to use for this term.")
    why: NonEmpty = Field(description="What a reader would misunderstand (English, for contributors).")
    allow: list[Allowance] = Field(default_factory=list, description="Correct phrases that contain a variant.")


class GlossaryTerm(Strict):
    id: Slug
    term: Text
    definition: Text
    sources: list[Slug] = Field(default_factory=list)
    avoid: Avoid | None = Field(None, description="Spanish variants not to use for this term (checked by the tests).")


class FederalList(Strict):
    """A federal government list that labels places (a claim, not a finding)."""

    id: Slug
    title: Text
    publisher: NonEmpty
    date: FullDate
    description: Text
    withdrawn: FuzzyDate | None = Field(None, description="When the list was taken down, if it was.")
    sources: list[Slug] = Field(min_length=1)


class Section(Strict):
    """``data/sections/<id>.yml``: one of the guide's three sections, its provisions and their sources."""

    id: Slug = Field(description="Equal to the file name without `.yml`.")
    number: int = Field(ge=1, description="Order of the section in the guide.")
    title: Text
    summary: Text = Field(description="One or two sentences: what this section is about.")
    intro: Text = Field(description="A short paragraph that opens the section page.")
    provisions: list[Provision] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)


class Glossary(Strict):
    terms: list[GlossaryTerm] = Field(min_length=1)
    sources: list[Source] = Field(default_factory=list)


class FederalLists(Strict):
    lists: list[FederalList] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)


# ---------------------------------------------------------------- the state-law layer


class Stance(str, Enum):
    """How a state's law treats local limits on cooperation with federal immigration enforcement."""

    floor = "protective-floor"  # state law limits how state and local agencies help ICE
    preemption = "preemption"  # state law forbids local limits and/or requires cooperation
    neither = "neither"  # no statewide statute either way was found


class LawStatus(str, Enum):
    in_force = "in-force"
    partly_blocked = "partly-blocked"  # a court stopped key parts
    blocked = "blocked"  # a court stopped it
    repealed = "repealed"  # including rescinded executive orders


class StateLaw(Strict):
    """A state statute, binding ruling or statewide order on local cooperation with ICE."""

    id: Slug
    title: Name = Field(description="Official or common title, original language; {en, es} when the name is ours "
                        "(e.g. 'Ban on sanctuary policies').")
    gloss: Text | None = Field(None, description="What an official title means, in plain words (shown before it on the other language's pages).")
    identifier: NonEmpty | None = Field(None, description="Bill, act or code number, e.g. 'SB 54 (2017)'.")
    year: int | None = Field(None, ge=1900, le=2100, description="Year enacted; leave out if not confirmed.")
    summary: Text = Field(description="What it does, in our own words.")
    status: LawStatus
    covers: list[NonEmpty] = Field(
        default_factory=list,
        description="Provision codes this law itself provides for every local agency in the state (what its text says); "
        "on county and city pages nobody has researched, an in-force law in a protective state gives 'partial: state law only'.")
    sources: list[Slug] = Field(min_length=1)


class State(Strict):
    """``data/states/<code>.yml`` (lowercase postal code): one state's law layer."""

    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(description="Postal code; the file is its lowercase.")
    fips: Annotated[str, StringConstraints(pattern=r"^[0-9]{2}$")] = Field(description="Two-digit state FIPS code.")
    name: Text
    stance: Stance
    summary: Text = Field(description="Two or three sentences: what state law means for local protections today.")
    laws: list[StateLaw] = Field(default_factory=list)
    notes: Text | None = Field(None, description="Bills pending or vetoed, executive orders, local context.")
    unverified: list[Text] = Field(default_factory=list, description="What no source we read confirmed.")
    reviewed: FullDate
    sources: list[Source] = Field(default_factory=list)


# ---------------------------------------------------------------- places


class Policy(Strict):
    """A law, order, policy, resolution or public act of the place (or binding on it)."""

    id: Slug = Field(description="Short id, unique in the file, used by `policies:` lists.")
    title: Name = Field(description="Official title in its original language; {en, es} when the name is ours.")
    gloss: Text | None = Field(None, description="Plain-language name (shown before an official title on the other language's pages; "
                               "without it, the kind of instrument is).")
    identifier: NonEmpty | None = Field(None, description="Official number: code chapter, ordinance, case number.")
    kind: Instrument
    adopted: FuzzyDate | None = Field(None, description="Adoption or effective date, as precise as known.")
    adopted_by: Text
    state: PolicyState = Field(description="Where it stands as of the review date.")
    summary: Text = Field(description="One or two sentences in our own words.")
    changes: Text | None = Field(None, description="What changed since adoption (amendments, laws, rulings).")
    sources: list[Slug] = Field(min_length=1)
    unverified: Text | None = Field(None, description="What about this policy no primary source confirmed.")


class Searched(Strict):
    """What a researcher searched before recording `unknown`, and when."""

    what: Text = Field(description="The documents searched, e.g. 'the municipal code for immigration, citizenship and ICE; "
                       "the police manual; council records 2016-2026'.")
    on: FullDate = Field(description="The day of the search.")


class ProvisionStatus(Strict):
    """A place's status for one provision, with what backs it."""

    status: Status
    note: Text | None = Field(None, description="Why this status, in one or two sentences (not needed for not-researched).")
    policies: list[Slug] = Field(default_factory=list, description="Ids of the policies that provide it.")
    sources: list[Slug] = Field(default_factory=list, description="Ids of sources that back the status.")
    section: Name | None = Field(None, description="The section of the document that settles it, e.g. 'Admin. Code §12H.2(c)'; "
                                 "{en, es} when it holds words of ours ('..., as quoted by The Baltimore Sun').")
    quote: NonEmpty | None = Field(None, description="At most 25 words from that section, in the document's language.")
    quote_lang: QuoteLang = Field(QuoteLang.en, description="Language of `quote`.")
    searched: Searched | None = Field(None, description="For `unknown`: what was searched and when.")
    as_of: FullDate | None = Field(None, description="Date the status was checked; defaults to `reviewed`.")


class Event(Strict):
    """One dated step in the place's story."""

    date: FuzzyDate
    text: Text
    sources: list[Slug] = Field(min_length=1)


class FederalMention(Strict):
    """What a federal list or agency said about this place."""

    listed_on: Slug = Field(description="Id of a list in `data/federal_lists.yml`.")
    note: Text = Field(description="What it claimed and how that compares with the place's own policies.")
    sources: list[Slug] = Field(default_factory=list)


class Place(Strict):
    """``data/places/<slug>.yml``: one city, county, city-county or state."""

    slug: Slug = Field(description="Equal to the file name without `.yml`.")
    name: Text
    state: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(description="Two-letter postal code.")
    kind: PlaceKind
    sample: bool = Field(False, description="One of the 2016 guide's sample cities (shown on the home page).")
    census_name: NonEmpty | None = Field(
        None, description="The name the Census gives the place when it differs from `name` (e.g. 'New York' for New York City); "
        "a county or one of the 100 largest cities is matched to its county or city page by state, kind and name.")
    counties: list[NonEmpty] = Field(
        default_factory=list,
        description="Counties the place lies in, as the Census names them without 'County' (e.g. 'Los Angeles'); "
        "used to match county data such as 287(g) agreements and to place it on the map. Empty for a state.",
    )
    overview: Text = Field(description="Three to five sentences: who does what, and what changed.")
    reviewed: FullDate = Field(description="Date the whole file was last checked against its sources.")
    sources: list[Source] = Field(min_length=1)
    policies: list[Policy] = Field(min_length=1)
    provisions: dict[str, ProvisionStatus] = Field(description="A status for every provision code.")
    timeline: list[Event] = Field(default_factory=list)
    federal: list[FederalMention] = Field(default_factory=list)


# ---------------------------------------------------------------- consistency rules


class RuleCheck(str, Enum):
    state_law_only = "state-law-only"  # a city or county status resting only on state-law policies
    allowed = "allowed-statuses"  # the listed provisions, in the listed states, take only these statuses
    reading = "reading"  # applied when the documents are read (and again by the second read): data cannot express it


class RuleException(Strict):
    place: Slug = Field(description="A place the rule does not bind, because its own rule goes further.")
    why: Text


class ConsistencyRule(Strict):
    """A rule that keeps statuses comparable across places (shown on the method page, enforced by `make check`)."""

    id: Slug
    check: RuleCheck
    text: Text = Field(description="The rule as the method page states it.")
    states: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = Field(default_factory=list)
    provisions: list[NonEmpty] = Field(default_factory=list)
    allowed: list[Status] = Field(default_factory=list, description="For allowed-statuses: the statuses it permits.")
    exceptions: list[RuleException] = Field(default_factory=list)


class Consistency(Strict):
    """``data/consistency.yml``."""

    rules: list[ConsistencyRule] = Field(min_length=1)


# ---------------------------------------------------------------- reference snapshots


class SnapshotKind(str, Enum):
    """Which reader a snapshot needs (one per published format)."""

    ice_287g_participating = "ice-287g-participating"
    ice_287g_pending = "ice-287g-pending"
    doj_list = "doj-list"
    us_atlas_states = "us-atlas-states"
    us_atlas_counties = "us-atlas-counties"
    census_counties = "census-counties"
    census_cities = "census-cities"
    census_towns = "census-towns"
    ice_detention = "ice-detention-facilities"


class Snapshot(Strict):
    """One public data file kept as published in ``data/reference/``, with where it came from."""

    id: Slug = Field(description="Short id, unique in the file.")
    file: NonEmpty = Field(description="File name under data/reference/.")
    kind: SnapshotKind
    title: NonEmpty = Field(description="The publisher's title for the data.")
    publisher: NonEmpty
    url: Url = Field(description="Where the publisher publishes it.")
    as_of: FullDate = Field(description="The date the data describes (the sheet's own date).")
    retrieved: FullDate | None = Field(None, description="When this copy was taken, if known.")
    via: NonEmpty | None = Field(None, description="Who kept the copy we took, when not the publisher itself.")
    licence: NonEmpty
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 of the file: the build stops when the file and its provenance disagree."
    )
    notes: NonEmpty | None = Field(None, description="Known problems, and how the code handles them.")


class Snapshots(Strict):
    """``data/reference/snapshots.yml``: the provenance of every reference snapshot."""

    snapshots: list[Snapshot] = Field(min_length=1)
