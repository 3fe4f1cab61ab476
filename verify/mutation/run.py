"""Mutation testing of the verifier: every mutant of a claim's reference, judged as if it were the claim.

For each claim with claimed parts, the mutants of its reference (see
:mod:`convproof.verify.mutation.mutate`) take the place of the claimed parts,
``dataclasses.replace(claim, claimed=(("mutant", m),))``, and go through
:func:`convproof.verify.runner.run_claim` with the claim's own checks. A mutant is
killed when the verdict is ``refuted``. A claim with its own prover (built
from the report's formula) has its mutants judged by the other tiers: SymPy's
simplify on Q4's long expressions takes seconds per mutant. A general-size
reference (sums over a symbolic n) is judged with its sums unrolled at small
sizes (:func:`convproof.verify.unroll.unrolled`), as ``convproof check`` does.

A survivor is then put to a proof, in at most PROOF_SECONDS each:
``proven equivalent`` when ``mutant - reference`` is 0 (the arguments of its
kinks abstracted, see :func:`_abstracted_zero`): the same function, which
nothing could kill; ``proven equal off ties`` when it is 0 once every tie is
decided alike (:func:`_off_ties`): the two differ only where a kink's argument
is exactly 0, a null set that random instances do not hit and that the
verifier leaves to each claim's own kink checks. Otherwise it is unexplained.

First a control: the reference itself as the claim must not be refuted.
A claim whose hooks judge the report's formula rather than the claimed
parts (they are built from it) refutes its control; its mutants are then
judged without those hooks (prover, checks, certified, oracle), so that a
kill is the mutant's, not the report's.

    python -m convproof.verify.mutation.run --workers 2        # every claim
    python -m convproof.verify.mutation.run --only dilated     # one topic
    python -m convproof.verify.mutation.run --markdown docs/mutation-table.md --json mutation.json
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

import sympy as sp

from ...derivations.claim import Claim
from ...derivations.claims import registry
from ..runner import DEFAULT_SAMPLES, run_claim
from ..tiers.symbolic import _components, zero_test
from ..unroll import unrolled
from .mutate import Mutant, mutants

__all__ = ["EQUIVALENT", "OFF_TIES", "ClaimRun", "MutantRun", "main", "mutation_run", "run_claim_mutants", "summary"]

SAMPLES = DEFAULT_SAMPLES  # as convproof verify: a region of 0.33% of the domain escapes 400 instances 27% of the time
PROOF_SECONDS = 20  # per survivor and per attempt (equivalent, then equal off ties)
EQUIVALENT = "proven equivalent"
OFF_TIES = "proven equal off ties"


@dataclass(frozen=True)
class MutantRun:
    """One mutant and what the checks made of it."""

    mutant: Mutant
    status: str
    failed: tuple[str, ...]  # the methods of the tiers that failed
    proof: str | None = None  # for a survivor: EQUIVALENT, OFF_TIES, or None (nothing proven)

    @property
    def killed(self) -> bool:
        return self.status == "refuted"


@dataclass(frozen=True)
class ClaimRun:
    """The mutants of one claim's reference, and the control run."""

    claim_id: str
    control: str
    hooks: bool  # False: the claim's hooks judge the report's formula, so mutants were judged without them
    runs: tuple[MutantRun, ...]
    seconds: float

    @property
    def killed(self) -> int:
        return sum(run.killed for run in self.runs)

    def proven(self, kind: str) -> int:
        """How many survivors are proven ``kind`` (EQUIVALENT or OFF_TIES)."""
        return sum(run.proof == kind for run in self.survivors)

    @property
    def survivors(self) -> tuple[MutantRun, ...]:
        return tuple(run for run in self.runs if not run.killed)


def _no_proof() -> dict:
    return {"method": "not run on a mutant", "passed": None, "detail": "the claim's prover is the report's formula's"}


def _probe(claim: Claim, expr, hooks: bool) -> Claim:
    # a claim's own prover proves the report's formula (it is built from it), and SymPy's simplify on the long
    # expressions such claims have (Q4's maxes and ReLUs) takes seconds per mutant: their mutants are judged by
    # the numeric tiers alone. Alternatives only cross-check the reference, which a mutant leaves alone.
    probe = replace(
        claim, claimed=(("mutant", expr),), alternatives=(), prover=None if claim.prover is None else _no_proof
    )
    if not hooks:
        probe = replace(probe, checks=(), certified=None, oracle=None)
    small = unrolled(probe)
    return probe if small is None else small[0]


def _abstracted_zero(difference: sp.Basic) -> bool | None:
    """The zero test with every argument of a max, min, step or |.| replaced by a fresh real symbol.

    Sound: a difference that is 0 for every value of the new symbols is 0 at the values the arguments take.
    Then the kinks are cases (Piecewise) of one or two symbols, which SymPy folds and simplifies in
    milliseconds, where the same cases over thirteen inputs take minutes or fail. Cases that overlap
    (x > 0 in one, x >= 0 in the other) are made exclusive, so that a case holding on the single point
    x = 0 is simplified there.

    >>> t, w = sp.symbols("t w", real=True)
    >>> relu = sp.Max(0, t + w)
    >>> zero_test((t + w - relu) * relu), _abstracted_zero((t + w - relu) * relu)
    (None, True)
    >>> _abstracted_zero(sp.Piecewise((t, t > 0), (0, True)) - sp.Piecewise((t, t >= 0), (0, True)))
    True
    """
    expr = difference.rewrite(sp.Max)
    inner = {arg for node in expr.atoms(sp.Max, sp.Min, sp.Heaviside, sp.Abs) for arg in node.args if not arg.is_Atom}
    fresh: dict[sp.Basic, sp.Basic] = {}
    for arg in sorted(inner, key=sp.default_sort_key):
        fresh[arg] = -fresh[-arg] if -arg in fresh else sp.Dummy(real=True)  # H(-d) and H(d): one symbol
    # xreplace for whole nodes, then subs, which also finds t + w inside t + w + 1
    folded = sp.piecewise_fold(sp.expand(expr.xreplace(fresh).subs(fresh)).rewrite(sp.Piecewise))
    result = zero_test(folded)
    if result is None and isinstance(folded, sp.Piecewise):
        exclusive = sp.simplify(sp.piecewise_exclusive(folded))
        pieces = exclusive.args if isinstance(exclusive, sp.Piecewise) else ((exclusive, sp.true),)
        if all(zero_test(value) is True for value, _ in pieces):
            return True
    return result


def _pairs(mutant: Mutant, claim: Claim) -> list[tuple[sp.Basic, sp.Basic]]:
    return list(zip(_components(mutant.expr), _components(claim.reference), strict=True))


class _OutOfTime(Exception):
    pass


def _on_alarm(signum, frame):
    raise _OutOfTime


def _proven_zero(difference: sp.Basic) -> bool:
    """:func:`_abstracted_zero`, given at most PROOF_SECONDS (SymPy's simplify can run for many minutes)."""
    if not hasattr(signal, "SIGALRM"):  # no alarm clock (Windows): no time limit
        return _abstracted_zero(difference) is True
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(PROOF_SECONDS)
    try:
        return _abstracted_zero(difference) is True
    except _OutOfTime:
        return False
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


_CLOSED_TO_STRICT = {sp.GreaterThan: sp.StrictGreaterThan, sp.LessThan: sp.StrictLessThan}


def _off_ties(expr: sp.Basic) -> sp.Basic | None:
    """``expr`` with every tie decided alike: Heaviside(a, h) -> Heaviside(a, 1/2), a >= b -> a > b.

    That changes values only where a step's argument is 0 or a relation is an equality: a null set when
    each such argument is a non-constant expression of the inputs (None when one is constant).

    >>> x = sp.Symbol("x", real=True)
    >>> _off_ties(sp.Heaviside(x, 1) + sp.Piecewise((1, x >= 0), (0, True)))
    Piecewise((1, x > 0), (0, True)) + Heaviside(x)
    """
    steps = list(expr.atoms(sp.Heaviside))
    relations = list(expr.atoms(*_CLOSED_TO_STRICT, sp.StrictGreaterThan, sp.StrictLessThan))
    if any(not step.args[0].free_symbols for step in steps) or any(not (r.lhs - r.rhs).free_symbols for r in relations):
        return None
    expr = expr.replace(lambda e: isinstance(e, sp.Heaviside), lambda e: sp.Heaviside(e.args[0], sp.S.Half))
    return expr.replace(lambda e: type(e) in _CLOSED_TO_STRICT, lambda e: _CLOSED_TO_STRICT[type(e)](*e.args))


def _proof(mutant: Mutant, claim: Claim) -> str | None:
    """Why a survivor survived: EQUIVALENT (mutant - reference is 0), OFF_TIES (it is 0 once every tie
    is decided alike, so the two differ only on a null set: ties the sampled tier does not judge), or None."""
    pairs = _pairs(mutant, claim)
    if all(_proven_zero(part - want) for part, want in pairs):
        return EQUIVALENT
    tied = [(_off_ties(part), _off_ties(want)) for part, want in pairs]
    if all(a is not None and b is not None and _proven_zero(a - b) for a, b in tied):
        return OFF_TIES
    return None


def run_claim_mutants(claim: Claim, *, samples: int = SAMPLES, seed: int = 0) -> ClaimRun:
    """Judge every mutant of ``claim.reference`` as the claimed part (see the module docstring)."""
    start = time.perf_counter()
    hooks = True
    control = run_claim(_probe(claim, claim.reference, hooks), samples=samples, seed=seed).status
    if control == "refuted":
        hooks = False
        control = run_claim(_probe(claim, claim.reference, hooks), samples=samples, seed=seed).status
    runs = []
    for mutant in mutants(claim.reference):
        verdict = run_claim(_probe(claim, mutant.expr, hooks), samples=samples, seed=seed)
        failed = tuple(f"{e.tier}: {e.method}" for e in verdict.evidence if e.passed is False)
        proof = None if verdict.status == "refuted" else _proof(mutant, claim)
        runs.append(MutantRun(mutant, verdict.status, failed, proof))
    return ClaimRun(claim.id, control, hooks, tuple(runs), time.perf_counter() - start)


def mutable(claims: Iterable[Claim]) -> list[Claim]:
    """The claims with claimed parts and a reference to mutate."""
    return [c for c in claims if c.claimed and c.reference is not None and mutants(c.reference)]


def _run_by_id(job: tuple[str, int, int]) -> ClaimRun:
    claim_id, samples, seed = job
    return run_claim_mutants(registry.get(claim_id), samples=samples, seed=seed)


def mutation_run(
    claims: Iterable[Claim],
    *,
    samples: int = SAMPLES,
    seed: int = 0,
    progress: Callable[[ClaimRun], None] | None = None,
    workers: int = 1,
) -> list[ClaimRun]:
    """:func:`run_claim_mutants` for every mutable claim, in order (registered claims on ``workers`` processes)."""
    chosen = mutable(claims)
    if workers > 1 and all(registry.get(c.id) is c for c in chosen):
        with ProcessPoolExecutor(workers) as pool:
            results = pool.map(_run_by_id, [(c.id, samples, seed) for c in chosen])
            return [_shown(result, progress) for result in results]
    return [_shown(run_claim_mutants(c, samples=samples, seed=seed), progress) for c in chosen]


def _shown(result: ClaimRun, progress: Callable[[ClaimRun], None] | None) -> ClaimRun:
    if progress is not None:
        progress(result)
    return result


def _line(result: ClaimRun) -> str:
    total = len(result.runs)
    hooks = "" if result.hooks else " (hooks judge the report's formula: mutants judged without them)"
    return (
        f"{result.claim_id}: {result.killed}/{total} killed, {len(result.survivors)} survived "
        f"({result.proven(EQUIVALENT)} proven equivalent, {result.proven(OFF_TIES)} proven equal off ties), "
        f"control {result.control}{hooks}, {result.seconds:.1f} s"
    )


def totals(results: list[ClaimRun]) -> dict[str, int]:
    """Mutants, killed, and survivors by proof, over every claim."""
    return {
        "mutants": sum(len(r.runs) for r in results),
        "killed": sum(r.killed for r in results),
        "equivalent": sum(r.proven(EQUIVALENT) for r in results),
        "off_ties": sum(r.proven(OFF_TIES) for r in results),
        "unexplained": sum(run.proof is None for r in results for run in r.survivors),
    }


def summary(results: list[ClaimRun]) -> str:
    """The kill rate, raw and over the mutants that differ from the reference on more than ties.

    >>> summary([])
    'total: 0 of 0 mutants killed (100.00%); 0 survived: 0 proven equivalent, 0 proven equal off ties, 0 unexplained'
    """
    t = totals(results)
    rate = 100 * t["killed"] / t["mutants"] if t["mutants"] else 100.0
    judged = t["mutants"] - t["equivalent"] - t["off_ties"]
    score = f"; {100 * t['killed'] / judged:.2f}% of the {judged} that differ off ties" if judged else ""
    return (
        f"total: {t['killed']} of {t['mutants']} mutants killed ({rate:.2f}%){score}; "
        f"{t['mutants'] - t['killed']} survived: {t['equivalent']} proven equivalent, "
        f"{t['off_ties']} proven equal off ties, {t['unexplained']} unexplained"
    )


def markdown(results: list[ClaimRun]) -> str:
    """The per-claim table and every survivor, as Markdown."""
    lines = [
        summary(results) + f"; {len(results)} claims.",
        "",
        "| claim | mutants | killed | survived | proven equivalent | equal off ties | hooks |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        hooks = "kept" if r.hooks else "dropped"
        lines.append(
            f"| `{r.claim_id}` | {len(r.runs)} | {r.killed} | {len(r.survivors)} | {r.proven(EQUIVALENT)} "
            f"| {r.proven(OFF_TIES)} | {hooks} |"
        )
    lines += ["", "Survivors:", ""]
    for r in results:
        for run in r.survivors:
            lines.append(f"- `{r.claim_id}`: {run.mutant.describe()} ({run.status}; {run.proof or 'unexplained'})")
    return "\n".join(lines) + "\n"


def _record(result: ClaimRun) -> dict:
    return {
        "id": result.claim_id,
        "control": result.control,
        "hooks": result.hooks,
        "mutants": len(result.runs),
        "killed": result.killed,
        "survivors": [
            {"mutant": run.mutant.describe(), "status": run.status, "proof": run.proof} for run in result.survivors
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m convproof.verify.mutation.run", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--only", metavar="PATTERN", help="only claims whose id matches this glob or substring")
    parser.add_argument("--samples", type=int, default=SAMPLES, help=f"random instances per check (default {SAMPLES})")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random instances (default 0)")
    parser.add_argument("--workers", type=int, default=1, help="claims judged in parallel processes (default 1)")
    parser.add_argument("--markdown", metavar="PATH", help="write the table and the survivors as Markdown")
    parser.add_argument("--json", metavar="PATH", help="write the per-claim records as JSON")
    args = parser.parse_args(argv)
    results = mutation_run(
        registry.select(args.only),
        samples=args.samples,
        seed=args.seed,
        progress=lambda r: print(_line(r), flush=True),
        workers=args.workers,
    )
    print(summary(results))
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as stream:
            stream.write(markdown(results))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as stream:
            json.dump([_record(r) for r in results], stream, indent=2, sort_keys=True)
            stream.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
