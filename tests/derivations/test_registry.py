"""The registry: sources verbatim, ids unique and topic-first, unknown ids helpful."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import pytest

from convproof.derivations.claim import Claim
from convproof.derivations.claims import dilated, registry
from convproof.derivations.claims import vendored as vendored_package
from convproof.derivations.errors import UnknownClaimError

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "hw2-cnn-report.fa.md"


def test_vendored_report_is_the_seed_byte_for_byte(report_text):
    if not SEED.exists():
        pytest.skip("shared/seed is not beside this checkout")
    vendored = resources.files(vendored_package).joinpath(vendored_package.FILENAME).read_bytes()
    assert hashlib.sha256(vendored).hexdigest() == hashlib.sha256(SEED.read_bytes()).hexdigest()


@pytest.mark.parametrize("claim", [c for c in registry.all_claims() if not c.extension], ids=lambda c: c.id)
def test_every_source_is_verbatim_in_the_report(claim, report_text):
    assert claim.source in report_text


def test_extensions_have_no_source():
    for claim in registry.all_claims():
        assert (claim.source is None) == claim.extension, claim.id


def test_ids_name_their_topic_module():
    for claim in registry.all_claims():
        assert claim.topic == claim.id.split(".")[0]


def test_duplicate_id_fails(monkeypatch):
    twice = dilated.claims() + dilated.claims()[:1]
    monkeypatch.setattr(dilated, "claims", lambda: twice)
    registry._claims.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="duplicate claim id"):
            registry.all_claims()
    finally:
        monkeypatch.undo()
        registry._claims.cache_clear()


def test_unknown_id_lists_close_matches():
    with pytest.raises(UnknownClaimError, match=r"did you mean dilated\.rf_closed_form"):
        registry.get("dilated.rf_closed_from")


def test_claim_record_rejects_inconsistent_data():
    with pytest.raises(ValueError, match="dotted"):
        Claim(id="nodot", where="Q2", source="x")
    with pytest.raises(ValueError, match="extension has no source"):
        Claim(id="a.b", where="Q2", source="x", extension=True)
