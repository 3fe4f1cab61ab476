"""Run the tiers on a claim and turn what they found into a verdict.

The status is decided here and only here, from the evidence, by these rules in order:

1. a claim with no check (prose) is unverifiable;
2. if every check passed or could not decide: verified when at least one passed,
   unverifiable when none could decide;
3. if a check failed:
   a. approximate, when a check certified a bound on |claimed - reference| over the
      whole domain (the claim is another form of the function, false as an identity);
   b. conditional, when the claim holds wherever its derived condition holds;
   c. conditional, when it passes under a named convention other than the default
      (the convention's own check decides);
   d. refuted otherwise, with the counterexample the checks found.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable, Iterable
from dataclasses import replace

import sympy as sp

from ..derivations.claim import Claim
from ..derivations.claims import registry
from ..derivations.errors import BadInputError
from ..derivations.outcome import Counterexample, Outcome
from .results import Evidence, Verdict
from .samplers import claim_rng
from .tiers.external import certified_tier, custom_tier, oracle_tier
from .tiers.sampled import brute_tier, sampled_tier
from .tiers.symbolic import check_alternatives, symbolic_tier

__all__ = ["DEFAULT_SAMPLES", "new_seed", "run_all", "run_claim"]

DEFAULT_SAMPLES = 2000


def new_seed() -> int:
    """A fresh seed for a run that was given none (printed and recorded by the CLI)."""
    return secrets.randbelow(2**31)


def _correction(claim: Claim) -> str:
    value = sp.latex(claim.readable if claim.readable is not None else claim.reference)
    return f"{claim.lhs} = {value}" if claim.lhs else value


def _condition_holds(claim: Claim, samples: int, seed: int) -> bool:
    """Does every claimed part agree with the reference wherever the condition holds?"""
    constraint = claim.condition if claim.constraint is None else sp.And(claim.constraint, claim.condition)
    restricted = replace(claim, constraint=constraint)
    return bool(sampled_tier(restricted, samples, claim_rng(seed, claim.id + "/condition")).passed)


def run_claim(claim: Claim | str, *, samples: int = DEFAULT_SAMPLES, seed: int = 0, oracle: bool = True) -> Verdict:
    """Check one claim with every tier that applies and return its verdict.

    ``oracle=False`` leaves out the PyTorch oracle (importing torch alone takes 2 to 3 s).
    """
    if isinstance(claim, str):
        claim = registry.get(claim)
    if not isinstance(samples, int) or isinstance(samples, bool) or samples < 1:
        raise BadInputError(f"samples must be a positive integer, got {samples!r}")
    base = dict(
        claim_id=claim.id,
        where=claim.where,
        question=claim.question,
        part=claim.part,
        source=claim.source,
        seed=seed,
        extension=claim.extension,
    )
    if claim.is_prose:
        none = Evidence("none", "qualitative statement: listed, not judged", None, detail=claim.prose)
        return Verdict(status="unverifiable", evidence=(none,), **base)

    evidence: list[Evidence] = []
    found: list[tuple[int, Counterexample]] = []  # (rank, counterexample) of the failed checks, in order

    bounds: list[float] = []  # certified bounds on |claimed - reference|, from the checks that computed one

    def record(tier: str, outcome: Outcome) -> None:
        evidence.append(Evidence.of(tier, outcome))
        if outcome.bound is not None and math.isfinite(outcome.bound):
            bounds.append(outcome.bound)
        if outcome.passed is False and outcome.counterexample is not None:
            # a check that knows the worst case (the point of largest disagreement) puts it first
            found.append((-1 if outcome.worst_case else len(found), outcome.counterexample))

    if claim.claimed:
        for outcome in check_alternatives(claim):
            record("symbolic", outcome)
        record("symbolic", symbolic_tier(claim))
        record("sampled", sampled_tier(claim, samples, claim_rng(seed, claim.id)))
        if claim.brute is not None:
            record("brute-force", brute_tier(claim, samples, claim_rng(seed, claim.id + "/brute")))
    for position, (tier, hook) in enumerate(claim.checks):
        record(tier, custom_tier(hook, samples, claim_rng(seed, f"{claim.id}/check{position}")))
    if claim.certified is not None:
        record("certified", certified_tier(claim))
    if oracle and claim.oracle is not None:
        record("oracle", oracle_tier(claim, samples, claim_rng(seed, claim.id + "/oracle")))
    elif claim.oracle is not None:
        record("oracle", Outcome("not run (convproof verify --oracle runs it)", None))
    counterexample = min(found, key=lambda pair: pair[0])[1] if found else None

    if not any(e.passed is False for e in evidence):
        status = "verified" if any(e.passed for e in evidence) else "unverifiable"
        return Verdict(status=status, evidence=tuple(evidence), **base)
    base.update(
        evidence=tuple(evidence),
        counterexample=counterexample,
        correction=_correction(claim) if claim.claimed else None,
    )
    if bounds:
        return Verdict(status="approximate", bound=max(bounds), **base)
    if claim.condition is not None and _condition_holds(claim, samples, seed):
        return Verdict(status="conditional", condition=sp.latex(claim.condition), **base)
    for position, (name, hook) in enumerate(claim.conventions):
        outcome = custom_tier(hook, samples, claim_rng(seed, f"{claim.id}/convention{position}"))
        evidence.append(Evidence.of("convention", outcome))
        if outcome.passed:
            base["evidence"] = tuple(evidence)
            return Verdict(status="conditional", convention=name, **base)
    base["evidence"] = tuple(evidence)
    return Verdict(status="refuted", **base)


def run_all(
    claims: Iterable[Claim] | None = None,
    *,
    samples: int = DEFAULT_SAMPLES,
    seed: int = 0,
    progress: Callable[[int, int, Claim], None] | None = None,
    oracle: bool = True,
) -> list[Verdict]:
    """Verdicts for the given claims (every registered claim by default), in order."""
    chosen = list(registry.all_claims() if claims is None else claims)
    verdicts = []
    for position, claim in enumerate(chosen, start=1):
        if progress is not None:
            progress(position, len(chosen), claim)
        verdicts.append(run_claim(claim, samples=samples, seed=seed, oracle=oracle))
    return verdicts
