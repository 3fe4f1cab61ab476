"""Q2: the report's dilated-convolution formulas, and wrong variants that must be refuted."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sympy as sp

from convproof.derivations.claims import dilated, registry
from convproof.derivations.claims.dilated import formulas
from convproof.derivations.latex.front import parse
from convproof.derivations.lib.geometry import rf_reference
from convproof.derivations.lib.symbols import N, d, i, k, p, s
from convproof.verify import run_claim

NAMES = {"k": k, "d": d, "i": i, "N": N, "p": p, "s": s}
Q2_IDS = [c.id for c in registry.all_claims() if c.topic == "dilated"]


@pytest.mark.parametrize("claim_id", Q2_IDS)
def test_q2_claim_gets_a_verdict_from_its_checks(claim_id):
    verdict = run_claim(claim_id, samples=300, seed=7)
    claim = registry.get(claim_id)
    if claim.is_prose:
        assert verdict.status == "unverifiable"
    else:
        # Every numeric tier ran and agreed; what it says is recorded below by the checks.
        assert {e.tier for e in verdict.evidence} >= {"symbolic", "sampled"}
        assert verdict.status == "verified", verdict


def test_report_closed_form_is_parsed_not_typed():
    claim = registry.get("dilated.rf_closed_form")
    assert claim.claimed[0][1] == 1 + i * d * (k - 1)


def test_rsolve_alternative_solves_the_stack_recurrence():
    assert sp.simplify(formulas._rsolve_closed_form() - rf_reference(i)) == 0


def test_every_claim_is_placed_and_where_is_made_from_the_place():
    placed = {c.id: (c.question, c.part) for c in dilated.claims()}
    assert placed["dilated.rf_closed_form"] == ("Q2", "b")
    assert placed["dilated.stack_receptive_field"] == ("Q2", "b")  # "Q2(b), generalised"
    assert placed["dilated.output_size"] == ("Q2", "c")
    assert placed["dilated.prose_memory"] == ("Q2", "a")
    for claim in dilated.claims():
        assert claim.where.startswith(f"{claim.question}({claim.part})")


def test_a_claim_placed_outside_the_questions_is_refused(monkeypatch):
    claim = registry.get("dilated.rf_base")
    with pytest.raises(ValueError, match="question must be Q1 to Q9"):
        replace(claim, question="Question 2")
    monkeypatch.setattr(dilated, "claims", lambda: (replace(claim, question=""),))
    registry._claims.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="names no question"):
            registry.all_claims()
    finally:
        monkeypatch.undo()
        registry._claims.cache_clear()


WRONG = {
    "dilated.rf_closed_form": [r"1 + (i+1)d(k - 1)", r"1 + i d k", r"1 + i(k - 1)", r"id(k - 1)"],
    "dilated.rf_layer2": [r"1 + 2d(k - 1) + 1", r"1 + 2 d k", r"1 + 2(k - 1)"],
    "dilated.effective_kernel": [r"d(k-1)", r"1+dk", r"1+(k-1)"],
    "dilated.output_size": [r"N - d(k - 1) + 1", r"N - d k", r"N - (k - 1)"],
    "dilated.output_size_general": [
        r"\left\lfloor \frac{N + 2p - d(k-1) - 1}{1} \right\rfloor + 1",
        r"\left\lfloor \frac{N + p - d(k-1) - 1}{s} \right\rfloor + 1",
        r"\left\lfloor \frac{N + 2p - k}{s} \right\rfloor + 1",
    ],
}


@pytest.mark.parametrize(
    ("claim_id", "latex"), [(cid, tex) for cid, variants in WRONG.items() for tex in variants], ids=str
)
def test_wrong_variants_are_refuted(claim_id, latex):
    claim = registry.get(claim_id)
    mutant = replace(claim, claimed=(("mutant", parse(latex, NAMES)),), alternatives=())
    verdict = run_claim(mutant, samples=300, seed=11)
    assert verdict.status == "refuted"
    assert verdict.counterexample is not None
    assert verdict.correction.endswith(sp.latex(claim.reference))


def test_wrong_shape_is_refuted():
    claim = registry.get("dilated.output_shape")
    mutant = replace(claim, claimed=(("mutant", sp.Tuple(registry.get("dilated.output_shape").reference[0], N, N)),))
    assert run_claim(mutant, samples=200, seed=1).status == "refuted"
