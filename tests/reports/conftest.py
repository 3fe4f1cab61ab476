"""Shared by the report tests: the English words only untranslated prose would hold."""

from __future__ import annotations

import pytest

# English words that only untranslated prose would hold: identifiers, library and method names, the
# report's own English words and the names inside formulas are not among them
ENGLISH_PROSE = {
    "the",
    "and",
    "of",
    "is",
    "are",
    "with",
    "than",
    "more",
    "when",
    "where",
    "which",
    "not",
    "from",
    "that",
    "this",
    "otherwise",
    "gives",
    "value",
    "right",
    "report",
    "writes",
    "claim",
    "claims",
    "verified",
    "refuted",
    "reading",
    "correction",
    "counterexample",
    "derivation",
    "approximation",
    "holds",
    "under",
    "every",
    "each",
    "instances",
    "largest",
    "error",
    "check",
    "checks",
    "finding",
    "figure",
    "left",
}


@pytest.fixture(scope="session")
def english_prose() -> set[str]:
    return ENGLISH_PROSE
