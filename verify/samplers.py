"""Random instances of a claim's domain, drawn all at once as NumPy columns."""

from __future__ import annotations

import zlib

import numpy as np
import sympy as sp

from ..derivations.checks.numeric import compile_expr
from ..derivations.claim import Claim

__all__ = ["claim_rng", "sample_domain"]

_INT64 = 2**62


def claim_rng(seed: int, claim_id: str) -> np.random.Generator:
    """A generator that depends on the run's seed and the claim id only.

    So a claim's instances are the same whether it runs alone or with others.
    """
    return np.random.default_rng([seed, zlib.crc32(claim_id.encode())])


def sample_domain(claim: Claim, size: int, rng: np.random.Generator) -> dict[sp.Symbol, np.ndarray]:
    """``size`` instances of the claim's symbols satisfying its constraint.

    Draws in vectorised rounds and keeps the instances that satisfy the
    constraint; gives up (returns fewer) after 20 rounds.
    """
    symbols = claim.symbols
    kept: dict[sp.Symbol, list[np.ndarray]] = {sym: [] for sym in symbols}
    have = 0
    for _ in range(20):
        draw = {}
        for sym in symbols:
            dom = claim.domain[sym]
            if dom.kind == "integer":
                # a range beyond int64 (x in [0, 10^30]) is drawn within it; float64 carries those values anyway
                low, high = max(int(dom.low), -_INT64), min(int(dom.high), _INT64 - 1)
                draw[sym] = rng.integers(low, high + 1, size=2 * size)
            else:
                draw[sym] = rng.uniform(dom.low, dom.high, size=2 * size)
        if claim.constraint is None:
            # every draw is kept: take the first ``size`` without copying (drawing only ``size`` would be
            # cheaper still, but would change the instances every seed has given so far)
            return {sym: draw[sym][:size] for sym in symbols}
        test = compile_expr(claim.constraint, symbols)(*(draw[s] for s in symbols))
        mask = np.broadcast_to(np.asarray(test, dtype=bool), (2 * size,))
        for sym in symbols:
            kept[sym].append(draw[sym][mask])
        have += int(mask.sum())
        if have >= size:
            break
    return {sym: np.concatenate(parts)[:size] for sym, parts in kept.items()}
