"""What ``convproof check`` says: four verdict words and their exit codes, and a check that always ends.

=================  ====  ====================================================
verdict            exit  meaning
=================  ====  ====================================================
holds              0     proven: exactly (expand, cancel, simplify, residue
                         classes) or on every instance of a finite domain
holds on samples   0     not proven; every instance tried agreed (3 with
                         ``--require-proof``)
refuted            1     a counterexample, confirmed exactly
undecided          3     neither (the reason is given), or the time limit
(bad input)        2     one line on stderr: the formula or a declaration
                         cannot be read
=================  ====  ====================================================

:func:`guarded` runs a check under the time limit and turns any failure of
the machinery (not of the input) into ``undecided``, never a traceback.

>>> from convproof.verify.results import Evidence
>>> v = Verdict("check.formula", "-", "x", "verified", evidence=(Evidence("sampled", "random", True, 2000),))
>>> judge(v).word, judge(v).exit_code, judge(v, require_proof=True).exit_code
('holds on samples', 0, 3)
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..derivations.errors import ConvproofError
from ..derivations.outcome import Outcome
from .check_limits import OutOfTime, time_limit
from .results import Evidence, Verdict

__all__ = ["DEFAULT_TIME_LIMIT", "EXIT_CODES", "UNROLLED", "Judgement", "guarded", "judge", "undecided"]

DEFAULT_TIME_LIMIT = 10.0
EXIT_CODES = {"holds": 0, "holds on samples": 0, "refuted": 1, "undecided": 3}
_PROOF_TIERS = ("symbolic", "exhaustive")
# the note of a general-size formula judged at small sizes only: what is proven there is no proof for every size
UNROLLED = "the general form is undecided symbolically: judged with its sums unrolled at "


@dataclass(frozen=True)
class Judgement:
    """A verdict word, its exit code and one line saying what was shown."""

    word: str
    exit_code: int
    reason: str

    def to_json(self) -> dict:
        return {"verdict": self.word, "exit_code": self.exit_code, "reason": self.reason}


def _instances(verdict: Verdict) -> int:
    return sum(e.samples or 0 for e in verdict.evidence if e.passed and e.tier not in _PROOF_TIERS)


def judge(verdict: Verdict, *, require_proof: bool = False) -> Judgement:
    """The verdict word of a check's :class:`Verdict` (see the module docstring)."""
    domain = next((n[len("sampled ") :] for n in verdict.notes if n.startswith("sampled ")), "")
    if verdict.status == "refuted":
        return Judgement("refuted", 1, "a counterexample" if verdict.counterexample else "the sides differ exactly")
    if verdict.status == "verified":
        small = any(note.startswith(UNROLLED) for note in verdict.notes)
        proofs = [e for e in verdict.evidence if e.passed and e.tier in _PROOF_TIERS and not small]
        if proofs:
            return Judgement("holds", 0, "; ".join(f"{e.tier}: {e.method}" for e in proofs))
        reason = f"not proven; agreed on {_instances(verdict)} instances" + (f" ({domain})" if domain else "")
        if small:
            reason = f"proven or sampled at small sizes only; {reason}"
        if require_proof:
            return Judgement("undecided", 3, reason + "; --require-proof asks for a proof")
        return Judgement("holds on samples", 0, reason)
    why = next((e.detail for e in verdict.evidence if e.passed is None and e.detail), "no check could decide")
    return Judgement("undecided", 3, why)


def undecided(latex: str, reason: str, learned: list[str] | tuple[str, ...] = ()) -> Verdict:
    """A verdict that decides nothing, with the reason and what was learned before."""
    detail = reason + (f"; learned: {'; '.join(learned)}" if learned else "")
    evidence = (Evidence.of("check", Outcome("stopped", None, detail=detail)),)
    return Verdict(
        claim_id="check.formula", where="convproof check", source=latex, status="unverifiable", evidence=evidence
    )


def guarded(
    latex: str, check, *, limit: float | None = DEFAULT_TIME_LIMIT, learned: list[str] | None = None
) -> Verdict:
    """``check()`` under the time limit; machinery failures and the limit give ``undecided``.

    Our own errors (bad input: :class:`ConvproofError`) pass through, for one line and exit 2.
    """
    learned = [] if learned is None else learned
    start = time.monotonic()
    try:
        with time_limit(limit):
            return check()
    except ConvproofError:
        raise
    except OutOfTime:
        spent = time.monotonic() - start
        return undecided(latex, f"the time limit of {limit:g} s was reached after {spent:.1f} s", learned)
    except RecursionError:
        return undecided(latex, "the formula nests too deeply for SymPy", learned)
    except Exception as exc:
        message = " ".join(str(exc).split())[:160] or "no message"
        return undecided(latex, f"a check could not run ({type(exc).__name__}: {message})", learned)
