"""convproof's verifier: runs the tiers of checks on a claim and returns its verdict.

The public names are imported on first use, so that importing a helper such
as ``verify.numeric`` does not build every claim (the runner imports the
registry):

>>> from verify import run_claim
>>> run_claim("dilated.rf_closed_form", samples=200, seed=1).status
'verified'
"""

from __future__ import annotations

import importlib

# name -> module that defines it; resolved on first use.
_LAZY = {
    "STATUSES": "verify.results",
    "Evidence": "verify.results",
    "Verdict": "verify.results",
    "check_latex": "verify.check",
    "compare_latex": "verify.check",
    "run_all": "verify.runner",
    "run_claim": "verify.runner",
}

__all__ = list(_LAZY)


def __getattr__(name: str):
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'verify' has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
