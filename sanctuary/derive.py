"""Statuses derived from records, never passed off as research (plain Python).

Where a federal or state record settles a provision for a county or city nobody has researched
yet, the page shows a *derived* status with the rule and the record behind it. Every rule has a
stable id, is explained on the Sources and method page (data/ui.yml: ``rule_<id>`` and
``rule_<id>_means``), and is tested on its own table. Everything no record settles is "not yet
researched". A researched status always wins over a derived one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import schema
from .reference.ice287g import Agreement

NO = schema.Status.no
PARTIAL = schema.Status.partial


@dataclass(frozen=True)
class AgreementRule:
    """A 287(g) agreement held by the place's own agency settles these provisions."""

    id: str
    provisions: tuple[str, ...]
    models: frozenset[str]  # the 287(g) models that trigger it
    status: schema.Status = NO


@dataclass(frozen=True)
class StateRule:
    """The state's law settles these provisions for every county and city in it."""

    id: str
    provisions: tuple[str, ...]
    stance: schema.Stance
    status: schema.Status = NO


@dataclass(frozen=True)
class FloorRule:
    """In a protective state, an in-force law that itself provides a provision for every local
    agency gives it 'partial: state law only' (the guide's rule for protections that come only from
    state law). Which provisions a law provides is recorded on the law (``covers``)."""

    id: str
    stance: schema.Stance
    status: schema.Status = PARTIAL
    provisions: tuple[str, ...] = ()  # any provision a law covers: listed with each law on the state pages


ALL_MODELS = frozenset({"task-force", "warrant-service-officer", "jail-enforcement"})
RULES: tuple[AgreementRule | StateRule | FloorRule, ...] = (
    # Any 287(g) agreement deputizes the agency's officers to do immigration agents' work.
    AgreementRule("287g-any-model", ("IE1",), ALL_MODELS),
    # Task Force and Jail Enforcement officers question people about their immigration status.
    AgreementRule("287g-status-questions", ("IE2",), frozenset({"task-force", "jail-enforcement"})),
    # Jail Enforcement and Warrant Service officers do ICE's work inside the jail (screening, ICE warrants).
    AgreementRule("287g-in-the-jail", ("IE4",), frozenset({"jail-enforcement", "warrant-service-officer"})),
    # A state law that forbids local limits on cooperation with ICE.
    StateRule("state-bans-local-limits", ("IE1",), schema.Stance.preemption),
    # A protective state's law that provides the provision itself: partial, from state law only.
    # Last, so that the place's own 287(g) agreement (it does help ICE) settles a provision first.
    FloorRule("state-law-floor", schema.Stance.floor),
)
RULE_BY_ID = {r.id: r for r in RULES}


@dataclass(frozen=True)
class Derived:
    code: str
    status: schema.Status
    rule: str
    agreement: Agreement | None = None  # the record, for an agreement rule
    laws: tuple[schema.StateLaw, ...] = ()  # the record, for a state rule


def derive(own_agreements: Iterable[Agreement], state: schema.State | None, codes: Iterable[str]) -> dict[str, Derived]:
    """Provision code -> its derived status, from the agreements of the place's own agencies (its
    sheriff for a county, its police for a city) and its state's law. The first rule that settles
    a provision wins, citing the earliest signed agreement that triggers it."""
    agreements = sorted(own_agreements, key=lambda a: (a.signed or "9999", a.agency, a.model))
    codes = list(codes)
    wanted = set(codes)
    out: dict[str, Derived] = {}
    for rule in RULES:
        if isinstance(rule, FloorRule):
            if state is not None and state.stance is rule.stance:
                for code in codes:
                    laws = tuple(law for law in state.laws if law.status is schema.LawStatus.in_force and code in law.covers)
                    if laws and code not in out:
                        out[code] = Derived(code, rule.status, rule.id, laws=laws)
            continue
        for code in rule.provisions:
            if code in out or code not in wanted:
                continue
            if isinstance(rule, AgreementRule):
                hit = next((a for a in agreements if a.model in rule.models), None)
                if hit:
                    out[code] = Derived(code, rule.status, rule.id, agreement=hit)
            elif state is not None and state.stance is rule.stance:
                laws = tuple(law for law in state.laws if law.status is schema.LawStatus.in_force)
                if laws:
                    out[code] = Derived(code, rule.status, rule.id, laws=laws)
    return out
