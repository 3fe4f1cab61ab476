"""The report's own quantities of Q4 (ŷ, v_j, δ_j = ∂L/∂v_j), to write a correction as the report would.

A gradient of the network in z is long when written out: the loss factor
``a + w_1 max(0, max(z_1, z_2)) + w_2 max(0, max(z_2, z_3)) - y`` appears in every
term. :func:`in_report_terms` writes it back in the report's names; :func:`expanded`
undoes that, and the topic's tests show the round trip is the identity.

>>> from . import network as net
>>> in_report_terms(net.derivative_z("L", "z_1"))
\\delta_1*Heaviside(z_1 - z_2, 1)*Heaviside(pool2(z_1, z_2), 0)
"""

from __future__ import annotations

import sympy as sp

from . import network as net

__all__ = ["DELTA", "YHAT", "V", "expanded", "in_report_terms"]

YHAT = sp.Symbol(r"\hat{y}", real=True)
V = net.V_SYMBOLS
DELTA = tuple(sp.Symbol(rf"\delta_{j}", real=True) for j in (1, 2))
_ERROR = sp.Dummy("error", real=True)  # yhat - y while it is being folded into the deltas


def in_report_terms(expr: sp.Basic) -> sp.Basic:
    """``expr`` (in z) with v_j, ŷ and δ_j = w_j (ŷ - y) in place of what they stand for."""
    head, s = net.head(), net.SYMBOLS
    out = expr.xreplace({head["v_1"]: V[0], head["v_2"]: V[1]})
    out = out.subs(s["a"], YHAT - s["w_1"] * V[0] - s["w_2"] * V[1]).subs(YHAT - s["y"], _ERROR)
    out = sp.expand(out).subs({s["w_1"] * _ERROR: DELTA[0], s["w_2"] * _ERROR: DELTA[1]})
    return sp.factor_terms(out.subs(_ERROR, YHAT - s["y"]))


def expanded(expr: sp.Basic) -> sp.Basic:
    """``expr`` with δ_j, ŷ and v_j written out in z again (the inverse of :func:`in_report_terms`)."""
    head, s = net.head(), net.SYMBOLS
    error = head["yhat"] - s["y"]
    return expr.xreplace({DELTA[0]: s["w_1"] * error, DELTA[1]: s["w_2"] * error}).xreplace(
        {YHAT: head["yhat"], V[0]: head["v_1"], V[1]: head["v_2"]}
    )
