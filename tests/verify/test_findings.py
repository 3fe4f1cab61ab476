"""Findings: declared groups of claims, confirmed only by the verdicts the checks computed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from convproof.derivations.claims import registry
from convproof.derivations.claims.vendored.findings import FINDINGS
from convproof.derivations.finding import SEVERITIES, Finding
from convproof.verify import run_all
from convproof.verify.findings import explain


@pytest.fixture(scope="module")
def verdicts():
    return run_all(samples=200, seed=0, oracle=False)


def test_findings_name_known_claims_once_each():
    ids = {c.id for c in registry.all_claims()}
    named = [cid for f in FINDINGS for cid in f.claims]
    assert set(named) <= ids and len(named) == len(set(named))
    assert len({f.id for f in FINDINGS}) == len(FINDINGS)
    assert all(f.severity in SEVERITIES and f.title("fa") and f.message("fa") for f in FINDINGS)


def test_every_claim_judged_wrong_is_explained_by_a_finding_with_a_correction(verdicts):
    confirmed, unexplained = explain(FINDINGS, verdicts)
    assert unexplained == []
    claims = {c.id: c for c in registry.all_claims()}
    for item in confirmed:
        f = item.finding
        assert f.fix or claims[f.correction_from].reference is not None, f.id


def test_a_finding_whose_claims_verify_is_not_shown(verdicts):
    """Findings never decide: the same data with every claim verified confirms nothing."""
    right = [replace(v, status="verified") for v in verdicts]
    assert explain(FINDINGS, right) == ([], [])


def test_a_wrong_claim_outside_every_finding_is_reported_apart(verdicts):
    some = next(v for v in verdicts if v.status == "verified" and not v.extension)
    wrong = [replace(v, status="refuted") if v is some else v for v in verdicts]
    _, unexplained = explain(FINDINGS, wrong)
    assert [v.claim_id for v in unexplained] == [some.claim_id]


def test_a_finding_needs_a_correction_and_known_fields():
    with pytest.raises(ValueError, match="needs a correction"):
        Finding("f", "Q1", "a", "conceptual", ("t.a",), {"en": "t"}, {"en": "m"})
    with pytest.raises(ValueError, match="severity must be one of"):
        Finding("f", "Q1", "a", "style", ("t.a",), {"en": "t"}, {"en": "m"}, fix={"en": "x"})
    with pytest.raises(ValueError, match="correction_from must be one of its claims"):
        Finding("f", "Q1", "a", "notation", ("t.a",), {"en": "t"}, {"en": "m"}, correction_from="t.b")
