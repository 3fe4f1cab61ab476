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

A survivor is then put to a proof (:mod:`convproof.verify.mutation.proofs`):
``proven equivalent`` (the same function, which nothing could kill),
``proven equal off ties`` (the two differ only where a kink's argument is
exactly 0, a null set), or unexplained.

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
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from ...derivations.claim import Claim
from ...derivations.claims import registry
from ...derivations.outcome import Outcome
from ..runner import DEFAULT_SAMPLES, run_claim
from ..unroll import unrolled
from .mutate import Mutant, mutants
from .proofs import EQUIVALENT, OFF_TIES, survivor_proof

__all__ = ["ClaimRun", "MutantRun", "main", "markdown", "mutation_run", "run_claim_mutants", "summary"]

SAMPLES = DEFAULT_SAMPLES  # as convproof verify: a region of 0.33% of the domain escapes 400 instances 27% of the time


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


def _no_proof() -> Outcome:
    return Outcome("not run on a mutant", None, detail="the claim's prover is the report's formula's")


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
        proof = None if verdict.status == "refuted" else survivor_proof(mutant, claim)
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
