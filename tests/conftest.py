"""Shared test set-up: Hypothesis profiles and the vendored report's text.

CONVPROOF_PROFILE=thorough (CI) runs many more examples than the default quick profile.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("quick", max_examples=60, deadline=None)
settings.register_profile("thorough", max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("CONVPROOF_PROFILE", "quick"))

REPORT = Path(__file__).resolve().parents[1] / "derivations" / "claims" / "vendored" / "hw2-cnn-report.fa.md"


@pytest.fixture(scope="session")
def report_text() -> str:
    """The vendored report, as the audited input."""
    return REPORT.read_text(encoding="utf-8")
