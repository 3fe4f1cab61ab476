"""Q1(d): the symbolic mini-batch the formulas are applied to.

Two values of one feature: small enough for ``simplify`` to be quick; the ``IndexedBase`` proof
covers every batch size.
"""

from __future__ import annotations

import sympy as sp

from ...claim import reals

__all__ = ["BATCH", "DOMAIN"]

BATCH = sp.symbols("x_1:3", real=True)
DOMAIN = {x: reals(-10, 10) for x in BATCH}
