"""The checks behind the dropout claims: draw from a layer, look at its mask.

A claim about a dropout layer names the unit it zeroes: the axes one random
draw covers (a whole H x W feature map for Dropout2d, nothing beyond a single
element for ordinary dropout). Each hook here draws from a layer, the NumPy
reference of :mod:`convproof.derivations.lib.dropout` or PyTorch's, and measures:

- the unit: the axes along which the keep-mask is constant, compared with
  the claimed ones; kept values must be exactly x / (1 - p);
- the rate: the number of zeroed units against Binomial(units, p), with an
  exact acceptance interval at the false-alarm rate of
  :data:`convproof.derivations.checks.statistics.DEFAULT_ALPHA`;
- the expectation: the mean of y / x over units against 1, by Hoeffding.

The oracle hooks get PyTorch from :func:`convproof.derivations.checks.torch_oracle.torch_hook`
(never at import time) and return ``None`` without it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ...checks.statistics import DEFAULT_ALPHA, binomial_acceptance, hoeffding_halfwidth
from ...checks.torch_oracle import torch_hook
from ...checks.wording import tex_number
from ...lib.dropout import chance_of_coarser_mask, channel_dropout, element_dropout, shared_axes
from ...outcome import Counterexample, Outcome

__all__ = ["Layer", "expectation_check", "oracle_check", "rate_check", "unit_check"]

# Exact binomial tails cost O(n) big-integer steps: a few thousand units are plenty.
MAX_UNITS = 4000
CHANNELS = 16


@dataclass(frozen=True)
class Layer:
    """A dropout layer as a claim sees it: its PyTorch name, layout and sizes.

    ``layout`` names the axes ("N" samples, "C" channels, then spatial axes);
    ``sizes`` fixes some of them (the report's 32 x 32 x 32 x 3 example),
    the others are drawn per check; ``rate`` fixes p, otherwise drawn from
    0.1, ..., 0.9.
    """

    torch_name: str
    layout: tuple[str, ...]
    channelwise: bool
    sizes: dict[str, int] = field(default_factory=dict)
    rate: Fraction | None = None

    @property
    def torch_order(self) -> tuple[int, ...]:
        """The permutation to PyTorch's (N, C, D, H, W) order (spatial axes as named)."""
        spatial = [axis for axis in ("D", "H", "W") if axis in self.layout]
        return tuple(self.layout.index(axis) for axis in ("N", "C", *spatial))

    def shape(self, size: int, rng: np.random.Generator) -> tuple[int, ...]:
        """A batch shape with about ``size`` units of the channel-wise kind."""
        drawn = {"C": CHANNELS, "N": max(CHANNELS, size // CHANNELS)}
        return tuple(self.sizes.get(axis, drawn.get(axis) or int(rng.integers(2, 6))) for axis in self.layout)

    def numpy(self, x: np.ndarray, p: float, rng: np.random.Generator) -> np.ndarray:
        if not self.channelwise:
            return element_dropout(x, p, rng)
        return channel_dropout(x, p, rng, channel_axis=self.layout.index("C"), batch_axis=self.layout.index("N"))

    def in_torch(self, torch: Any, x: np.ndarray, p: float, seed: int) -> np.ndarray:
        """PyTorch's layer (train mode, random state seeded with ``seed``) applied to ``x`` in its own order."""
        order = self.torch_order
        torch.manual_seed(seed)  # the hook's private random state (torch_hook forks it)
        layer = getattr(torch.nn, self.torch_name)(p)
        layer.train()
        out = layer(torch.from_numpy(np.ascontiguousarray(x.transpose(order))))
        return out.numpy().transpose(np.argsort(order))


def _draw(layer: Layer, size: int, rng: np.random.Generator):
    p = layer.rate if layer.rate is not None else Fraction(int(rng.integers(1, 10)), 10)
    shape = layer.shape(size, rng)
    x = rng.uniform(0.5, 2.0, shape)  # no zeros in, so a zero out means dropped
    return p, shape, x


def _units(layer: Layer, names) -> tuple[int, ...]:
    return tuple(layer.layout.index(name) for name in names)


def _axes(names) -> str:
    """Axes as a sentence names them: ``$H, W$``, or no axis."""
    return f"${', '.join(names)}$" if names else "no axis"


def _judge_unit(layer: Layer, claimed: tuple[str, ...], x, y, p: Fraction, source: str) -> Outcome:
    kept = y != 0
    scaled = bool(np.allclose(y[kept], x[kept] / (1 - float(p)), rtol=1e-6, atol=0))
    measured = tuple(layer.layout[axis] for axis in shared_axes(kept))
    chance = chance_of_coarser_mask(x.shape, _units(layer, measured), float(p))
    ok = scaled and set(measured) == set(claimed)
    where = {"p": float(p), **dict(zip(layer.layout, map(int, x.shape), strict=True))}
    bound = rf"$\le {tex_number(chance, 1)}$" if chance else "$< 10^{-300}$"
    detail = (
        f"{source}, $p = {p}$, shape ${tuple(map(int, x.shape))}$: the mask is shared along {_axes(measured)} "
        f"(claimed: {_axes(claimed)}); kept values {'are' if scaled else 'are not'} $x/(1-p)$; chance of a "
        f"coarser-looking mask {bound}"
    )
    part = "unit zeroed together" if scaled else "kept values scaled by $1/(1-p)$"
    found = None if ok else Counterexample(where, list(claimed), list(measured), part=part)
    return Outcome(f"{source}: the unit zeroed together", ok, samples=int(x.size), detail=detail, counterexample=found)


def _judge_rate(layer: Layer, claimed: tuple[str, ...], y, p: Fraction, source: str, alpha=DEFAULT_ALPHA) -> Outcome:
    # one representative element per claimed unit: index 0 along the unit's axes
    kept = y != 0
    for axis in _units(layer, claimed):
        kept = kept.take([0], axis=axis)
    units = kept.reshape(-1)[:MAX_UNITS]
    zeroed, n = int((~units).sum()), int(units.size)
    low, high = binomial_acceptance(n, p, alpha)
    ok = low <= zeroed <= high
    detail = (
        f"{source}: {zeroed} of {n} units zeroed at $p = {p}$; exact acceptance interval $[{low}, {high}]$ "
        f"at false-alarm rate ${tex_number(float(alpha), 2)}$"
    )
    found = None if ok else Counterexample({"p": float(p), "units": n}, [low, high], zeroed, part="zeroed units")
    method = rf"{source}: the number of zeroed units against $\operatorname{{Binomial}}(n, p)$"
    return Outcome(method, ok, samples=n, detail=detail, counterexample=found)


def unit_check(layer: Layer, claimed: tuple[str, ...]) -> Callable[[int, np.random.Generator], Outcome]:
    """Hook: the NumPy reference zeroes exactly the claimed unit, kept values scaled by 1/(1-p)."""

    def hook(size: int, rng: np.random.Generator) -> Outcome:
        p, _, x = _draw(layer, size, rng)
        return _judge_unit(layer, claimed, x, layer.numpy(x, float(p), rng), p, f"NumPy {layer.torch_name}")

    return hook


def rate_check(layer: Layer, claimed: tuple[str, ...]) -> Callable[[int, np.random.Generator], Outcome]:
    """Hook: the number of zeroed claimed units is Binomial(units, p) (exact test)."""

    def hook(size: int, rng: np.random.Generator) -> Outcome:
        p, _, x = _draw(layer, size, rng)
        return _judge_rate(layer, claimed, layer.numpy(x, float(p), rng), p, f"NumPy {layer.torch_name}")

    return hook


def oracle_check(
    layers: tuple[Layer, ...], claimed: tuple[tuple[str, ...], ...], extra: Callable[[Any], str] | None = None
) -> Callable[[int, np.random.Generator], Outcome | None]:
    """Oracle hook: PyTorch's layers zero the claimed units at the rate p.

    ``extra(torch)`` adds a sentence to the detail.
    """

    def hook(torch: Any, size: int, rng: np.random.Generator) -> Outcome:
        results = []
        for layer, unit in zip(layers, claimed, strict=True):
            p, _, x = _draw(layer, size, rng)
            y = layer.in_torch(torch, x, float(p), int(rng.integers(2**31)))
            source = f"torch.nn.{layer.torch_name}"
            results += [_judge_unit(layer, unit, x, y, p, source), _judge_rate(layer, unit, y, p, source)]
        failed = next((r for r in results if not r.passed), None)
        detail = "; ".join(r.detail for r in results) + (f"; {extra(torch)}" if extra else "")
        return Outcome(
            " and ".join(f"torch.nn.{layer.torch_name} in training mode" for layer in layers),
            passed=failed is None,
            samples=sum(r.samples for r in results),
            detail=detail,
            counterexample=None if failed is None else failed.counterexample,
        )

    return torch_hook(hook)


def expectation_check(
    layer: Layer, *, use_torch: bool = False, alpha: float = float(DEFAULT_ALPHA)
) -> Callable[[int, np.random.Generator], Outcome | None]:
    """Hook: the mean of y/x over independent units is 1 within Hoeffding's bound.

    With ``use_torch`` the layer is PyTorch's and the hook, an oracle, returns ``None`` without it.
    """

    def hook(torch: Any, size: int, rng: np.random.Generator) -> Outcome:
        p, _, x = _draw(layer, size, rng)
        y = layer.in_torch(torch, x, float(p), int(rng.integers(2**31))) if use_torch else layer.numpy(x, float(p), rng)
        ratio = y / x
        for axis in _units(layer, [a for a in layer.layout if a not in ("N", "C")] if layer.channelwise else []):
            ratio = ratio.take([0], axis=axis)  # one value per independent unit
        ratio = ratio.reshape(-1)
        bound = hoeffding_halfwidth(ratio.size, 1 / (1 - float(p)), alpha)
        error = abs(float(ratio.mean()) - 1.0)
        source = f"torch.nn.{layer.torch_name}" if use_torch else f"NumPy {layer.torch_name}"
        found = None
        if error > bound:
            found = Counterexample({"p": float(p)}, 1, float(ratio.mean()), part="$E[y/x]$")
        return Outcome(
            f"{source}: mean of $y/x$ over the units against $1$ (Hoeffding's bound)",
            passed=error <= bound,
            samples=int(ratio.size),
            max_abs_error=error,
            tolerance=f"Hoeffding half-width {bound:.3g} at alpha={alpha:g}",
            detail=f"$p = {p}$: the mean of $y/x$ over {ratio.size} units is ${ratio.mean():.4f}$",
            counterexample=found,
        )

    return torch_hook(hook) if use_torch else functools.partial(hook, None)
