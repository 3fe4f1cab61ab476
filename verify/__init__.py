"""convproof's verifier: runs the tiers of checks on a claim and returns its verdict.

>>> from convproof.verify import run_claim
>>> run_claim("dilated.rf_closed_form", samples=200, seed=1).status
'verified'
"""

from __future__ import annotations

from .check import check_latex, compare_latex
from .results import STATUSES, Evidence, Verdict
from .runner import run_all, run_claim

__all__ = ["STATUSES", "Evidence", "Verdict", "check_latex", "compare_latex", "run_all", "run_claim"]
