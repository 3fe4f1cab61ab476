"""Which of close candidates a formula states, by its symbols: the claim each quantity reads from it.

A formula fits a quantity when every side it claims, read by the quantity (``build``), has the free
symbols of the quantity's reference (and, for a shape, as many entries): ``1 + d(k-1)`` is an effective
kernel, not an output size of an ``N``-wide input; ``RF_i = RF_{i-1} + (k-1)d`` is the recurrence, not
the closed form. The claims built here are cached per process (a class of copies builds each once).
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_TIED", "by_symbols", "reads"]

MAX_TIED = 6  # equally likely quantities tried in turn by the judge (the first it verifies wins)

SYMBOL_MARGIN, SYMBOL_BONUS, WIDE_MARGIN = 1.25, 1.5, 4.0


def by_symbols(statement: Any, scored: list, widen: bool = True) -> list:
    """The close candidates (within SYMBOL_MARGIN, at most MAX_TIED) the formula fits go up by SYMBOL_BONUS.

    When several are close and none fits (and ``widen``: no left-hand side named a quantity), the best
    candidate within WIDE_MARGIN that fits takes the best score (``Q_3 - Q_1`` under an NRMSE heading is
    the IQR, not an NRMSE, which needs an RMSE).
    """
    best = scored[0][0]
    close = [t for t in scored[:MAX_TIED] if t[0] >= best - SYMBOL_MARGIN]
    if len(close) < 2:
        return scored
    fits = [_fits(statement, q) for _, _, q in close]
    if not any(fits) and widen:
        wider = [t for t in scored[len(close) : len(close) + MAX_TIED] if t[0] >= best - WIDE_MARGIN]
        found = next((t for t in wider if _fits(statement, t[2])), None)
        if found is not None:
            return [(best + SYMBOL_BONUS, found[1], found[2])] + [t for t in scored if t is not found]
        return scored
    lifted = [(s + SYMBOL_BONUS if fit else s, i, q) for (s, i, q), fit in zip(close, fits, strict=True)]
    return sorted(lifted, key=lambda t: (-t[0], t[1])) + scored[len(close) :]


_BUILT: dict[tuple[str, str], Any] = {}


def _built(statement: Any, quantity: Any) -> Any:
    """The quantity's claim for the statement's text, or the exception it raised (cached per process)."""
    key = (quantity.id, statement.text, statement.formula.kind)
    if key not in _BUILT:
        try:
            _BUILT[key] = quantity.build(statement.text, blank=statement.formula.kind == "blank cell")
        except Exception as error:  # a formula this quantity cannot read
            _BUILT[key] = error
        if len(_BUILT) > 100_000:
            _BUILT.clear()
    return _BUILT[key]


def reads(statement: Any, quantity: Any) -> bool:
    return not isinstance(_built(statement, quantity), Exception)


def _fits(statement: Any, quantity: Any) -> bool:
    """Every side the formula claims has the free symbols (and, for a shape, the length) of the reference."""
    try:
        claim = _built(statement, quantity)
        if isinstance(claim, Exception):
            return False
        values, reference = [value for _, value in claim.claimed or ()], claim.reference
        wanted = _symbols(reference)
        size = len(reference) if isinstance(reference, (tuple, list)) else None
        return bool(values and wanted) and all(
            _symbols(v) == wanted and (len(v) if isinstance(v, (tuple, list)) else None) == size for v in values
        )
    except Exception:  # a formula this quantity cannot read does not fit it
        return False


def _symbols(value: Any) -> frozenset[str]:
    if isinstance(value, (tuple, list)):
        return frozenset().union(*(_symbols(v) for v in value))
    return frozenset(str(s) for s in getattr(value, "free_symbols", ()))
