"""Checks of a Q4 gradient claim against the simulated network (claim hooks).

Each factory returns hooks ``fn(size, rng) -> Outcome`` for :class:`Claim`:
central differences away from the kinks, the kink-aware bracket test at and
near them, and PyTorch autograd on the same network (the oracle). They judge
the claimed parts, given in z (see :func:`convproof.derivations.claims.conv_grads.network.derivative_z`);
our own reference goes through the same tests, and a reference that fails
one is a bug in convproof, raised as such.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy as sp

from ...checks.finite_diff import (
    bracket_mismatch,
    central_difference,
    close_mismatch,
    failure_record,
    one_sided_differences,
)
from ...checks.numeric import compile_expr
from ...checks.torch_oracle import quiet_torch, torch_hook
from ...checks.wording import tex_name, tex_number
from ...outcome import Counterexample, Outcome
from . import network as net
from . import numeric as sim

__all__ = ["gradient_checks", "gradient_oracle", "numeric", "parameter_check", "torch_gradient"]

STEP, MARGIN = 1e-5, 1e-3  # central differences: no kink within 100 steps (|dz/dθ| <= 3 on the domain)
KINK_STEP, KINK_SLACK = 1e-6, 1e-4  # one-sided: the slack covers the curvature, h |f''| / 2 <= 1e-4
RTOL = ATOL = 1e-6
# expressions are evaluated in z and the network's symbols: short expressions, quick to compile
_ARGS = (*net.Z_SYMBOLS, *(net.SYMBOLS[name] for name in net.BASE))
_HEAD = ("z_1", "z_2", "z_3", "w_1", "w_2", "a", "y")

Parts = Sequence[tuple[str, sp.Expr]]


def numeric(expr: sp.Expr, values: dict[str, np.ndarray]) -> np.ndarray:
    """An expression of z and the network's symbols on every instance (compiled once, cached)."""
    z = sim.forward(values)["z"]
    with np.errstate(all="ignore"):
        out = compile_expr(expr, _ARGS)(*z.T, *(values[name] for name in net.BASE))
    return np.broadcast_to(np.asarray(out, dtype=float), (len(z),))


def _space(of: str, wrt: str, values: dict[str, np.ndarray]) -> tuple[np.ndarray, int, Callable]:
    """The instances as rows, the column to move, and ``of`` as a function of the rows."""
    if wrt in net.BASE:
        rows = np.column_stack([values[name] for name in net.BASE])
        return rows, net.BASE.index(wrt), lambda x: sim.forward(dict(zip(net.BASE, x.T, strict=True)))[of]
    z = sim.forward(values)["z"]
    rows = np.column_stack([z, *(values[name] for name in _HEAD[3:])])
    return rows, _HEAD.index(wrt), lambda x: sim.head_numpy(x[:, :3], dict(zip(_HEAD, x.T, strict=True)))[of]


def _misfit(got: np.ndarray, target, slack: float | None) -> tuple[np.ndarray, np.ndarray]:
    """The failing rows and how far off each row is, for a target value or a (left, right) bracket."""
    if slack is None:
        return close_mismatch(got, target, RTOL, ATOL), np.abs(got - target)
    left, right = target
    low, high = np.minimum(left, right), np.maximum(left, right)
    return bracket_mismatch(got, left, right, slack), np.maximum(low - got, got - high).clip(0)


def _judge(method: str, parts: Parts, reference: sp.Expr, values, target, tolerance: str, slack=None) -> Outcome:
    """Test the reference (it must pass) and every claimed part against ``target``."""
    if _misfit(numeric(reference, values), target, slack)[0].any():
        raise RuntimeError(f"convproof bug: the reference {reference} fails '{method}'")
    worst, counterexample = 0.0, None
    for label, part in parts:
        got = numeric(part, values)
        bad, error = _misfit(got, target, slack)
        worst = max(worst, float(np.nan_to_num(error, nan=np.inf).max(initial=0.0)))
        if bad.any() and counterexample is None:
            counterexample = failure_record(bad, values, label, got, target)
    passed = counterexample is None
    detail = "" if passed else f"{counterexample.part} differs"
    samples = len(values["y"])
    return Outcome(method, passed, samples, worst, tolerance, detail=detail, counterexample=counterexample)


def gradient_checks(of: str, wrt: str, parts: Parts, reference: sp.Expr) -> tuple[tuple[str, Callable], ...]:
    """Central differences away from kinks and the bracket test at kinks, as claim checks."""

    def smooth(size: int, rng: np.random.Generator) -> Outcome:
        values = sim.sample(size, rng)
        keep = sim.kink_distance(sim.forward(values)["z"]) > MARGIN
        values = {name: column[keep] for name, column in values.items()}
        rows, column, f = _space(of, wrt, values)
        target = central_difference(f, rows, column, STEP)
        method = (
            f"central differences of the simulated network, $h = {tex_number(STEP)}$, every kink farther than "
            f"${tex_number(MARGIN)}$"
        )
        return _judge(method, parts, reference, values, target, f"rtol={RTOL:g}, atol={ATOL:g}")

    def kinks(size: int, rng: np.random.Generator) -> Outcome:
        values = sim.on_kinks(sim.sample(size, rng), rng, near=KINK_STEP / 2)
        rows, column, f = _space(of, wrt, values)
        bracket = one_sided_differences(f, rows, column, KINK_STEP)
        method = f"kink-aware: at and near ties, between the one-sided differences ($h = {tex_number(KINK_STEP)}$)"
        return _judge(method, parts, reference, values, bracket, f"slack={KINK_SLACK:g}", KINK_SLACK)

    return (("sampled", smooth), ("sampled", kinks))


def _names(names: Sequence[str]) -> str:
    """Symbol names as inline math, or none."""
    return f"${', '.join(tex_name(name) for name in names)}$" if names else "none"


def parameter_check(listed: Sequence[sp.Symbol], truth: frozenset[str]) -> Callable:
    """The check of a list of parameters: the names ``listed`` against the true set ``truth``."""

    def compare(size: int, rng: np.random.Generator) -> Outcome:
        claimed = sorted(s.name for s in listed)
        extra, missing = sorted(set(claimed) - truth), sorted(truth - set(claimed))
        passed = not extra and not missing
        record = Counterexample({}, claimed, sorted(truth), "parameter list")
        detail = "" if passed else f"not parameters: {_names(extra)}; missing: {_names(missing)}"
        method = "the symbols $L$ depends on, less the input $u$ and the target $y$"
        return Outcome(method, passed, detail=detail, counterexample=None if passed else record)

    return compare


def gradient_oracle(of: str, wrt: str, parts: Parts, reference: sp.Expr) -> Callable:
    """PyTorch autograd of the same network (Conv1d, MaxPool1d, ReLU) on random instances."""

    @torch_hook
    def oracle(torch: Any, size: int, rng: np.random.Generator) -> Outcome:
        values = sim.sample(size, rng)
        target = _torch_gradient(torch, of, wrt, values)
        method = "PyTorch autograd in float64 through conv1d, max_pool1d (size 2, stride 1) and relu"
        return _judge(method, parts, reference, values, target, f"rtol={RTOL:g}, atol={ATOL:g}")

    return oracle


def torch_gradient(of: str, wrt: str, values: dict[str, np.ndarray]) -> np.ndarray:
    """d(of)/d(wrt) per instance, by torch autograd (PyTorch must be installed)."""
    with quiet_torch() as torch:
        return _torch_gradient(torch, of, wrt, values)


def _torch_gradient(torch: Any, of: str, wrt: str, values: dict[str, np.ndarray]) -> np.ndarray:
    F = torch.nn.functional
    n = len(values["y"])
    leaf = {name: torch.tensor(values[name], dtype=torch.float64, requires_grad=True) for name in net.BASE}
    u = torch.stack([leaf[name] for name in net.INPUTS], dim=-1).reshape(1, n, 5)
    kernel = torch.stack([leaf[f"k_{j}"] for j in (1, 2, 3)], dim=-1).reshape(n, 1, 3)
    z = F.conv1d(u, kernel, leaf["b"], groups=n).reshape(n, 1, 3)
    v = torch.relu(F.max_pool1d(z, 2, stride=1)).reshape(n, 2)
    yhat = leaf["w_1"] * v[:, 0] + leaf["w_2"] * v[:, 1] + leaf["a"]
    outputs = {"L": (yhat - leaf["y"]) ** 2 / 2, "v_1": v[:, 0], "v_2": v[:, 1]}
    if wrt in net.Z_NAMES:
        grad = torch.autograd.grad(outputs[of].sum(), z)[0].reshape(n, 3)[:, net.Z_NAMES.index(wrt)]
    else:
        grad = torch.autograd.grad(outputs[of].sum(), leaf[wrt])[0]
    return grad.detach().numpy()
