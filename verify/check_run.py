"""Run a formula checked by ``convproof check`` through the runner, with the checker's own hooks.

The probe claim gets :func:`convproof.verify.check_prove.prover` as its prover
(exact steps and residue classes instead of ``simplify``/``equals``, which
errs on floor and ceiling and can take seconds), the thin-set samples of
:mod:`convproof.verify.check_thin` as a further check, and, on a small finite
integer domain, every instance. :func:`convproof.verify.runner.run_claim`
still decides the status from what they return.
"""

from __future__ import annotations

from dataclasses import replace

import sympy as sp

from ..derivations.claim import Claim
from ..derivations.outcome import Outcome
from .check_prove import prover
from .check_read import unevaluated
from .check_thin import exhaustive_check, exhaustive_size, thin_check
from .check_verdict import UNROLLED
from .results import Verdict
from .runner import run_claim
from .unroll import unrolled

__all__ = ["run_probe"]


def _recorded(name: str, hook, learned: list[str], *args):
    """``hook`` that notes what it found in ``learned`` (what a check that runs out of time still reports)."""

    def run(*call) -> Outcome:
        outcome = hook(*call)
        mark = {True: "passed", False: "failed", None: "undecided"}[outcome.passed]
        learned.append(f"{name} {mark}" + (f" ({outcome.samples} instances)" if outcome.samples else ""))
        return outcome

    return run


def _equipped(probe: Claim, wide: frozenset, bounded: bool, learned: list[str]) -> Claim:
    parts = [probe.reference, *(p for _, p in probe.claimed)]
    general = any(isinstance(e, sp.Basic) and e.has(sp.Indexed) for e in parts)
    prove = _recorded("the exact comparison", prover(probe.claimed, probe.reference), learned)
    if any(unevaluated(e) for e in parts if isinstance(e, sp.Basic)) and not general:
        # nothing NumPy can evaluate: the exact comparison alone judges
        return replace(probe, claimed=(), prover=None, checks=(("symbolic", lambda size, rng: prove()),))
    checks = ()
    if not general:
        checks = (("thin sets", _recorded("the thin-set instances", thin_check(probe, wide), learned)),)
        if bounded and exhaustive_size(probe) is not None:
            checks += (("exhaustive", _recorded("every instance", exhaustive_check(probe), learned)),)
    return replace(probe, prover=prove, checks=checks)


def run_probe(
    probe: Claim, *, samples: int, seed: int, wide: frozenset, bounded: bool, learned: list[str]
) -> tuple[Verdict, Claim, tuple[str, ...]]:
    """The verdict of ``probe``, the claim finally judged (unrolled, maybe) and notes on how.

    ``wide``: symbols with no declared range (sampled over wide magnitudes too);
    ``bounded``: every symbol has a declared range (a finite integer domain is then exhausted).
    """
    verdict = run_claim(_equipped(probe, wide, bounded, learned), samples=samples, seed=seed)
    notes: tuple[str, ...] = ()
    if verdict.status == "unverifiable" and (small := unrolled(probe)) is not None:
        probe, grid = small
        verdict = run_claim(_equipped(probe, frozenset(), False, learned), samples=samples, seed=seed)
        notes = (f"{UNROLLED}{grid}",)
    return verdict, probe, notes
