"""Q4(d): dL/dk_i and dL/db of a valid 1-D convolution of any size.

The report's sums with an ellipsis are read by the LaTeX front as ``Sum``s
over j = 1..m of indexed terms. The reference differentiates the layer
z_j = sum_l k_l u_{l+j-1} + b for symbolic m and kernel size K (SymPy's
KroneckerDelta does the work), so the symbolic tier proves the general
statement; the claim's checks also unroll it for every input size up to 8
(exactly, against SymPy's derivative, and numerically against
:func:`convproof.derivations.lib.conv1d.conv1d_param_grads` and PyTorch's conv1d).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np
import sympy as sp

from ...checks.numeric import compile_expr
from ...checks.sums import unroll
from ...checks.torch_oracle import torch_hook
from ...claim import Claim, place
from ...latex.front import parse_chain
from ...lib.conv1d import conv1d_param_grads, conv1d_param_grads_symbolic
from ...lib.symbols import i, m
from ...outcome import Counterexample, Outcome

__all__ = ["MAX_SIZE", "general_claim", "general_claims", "sizes"]

MAX_SIZE = 8
ALPHA, U = sp.IndexedBase("alpha"), sp.IndexedBase("u")
_NAMES = {"alpha": ALPHA, "u": U, "i": i, "m": m, "d/dk_i": sp.Symbol("dL/dk_i"), "d/db": sp.Symbol("dL/db")}
_READING = (
    r"The operator $\partial/\partial k_i$ ($\partial/\partial b$) is read as $\partial L/\partial k_i$ "
    r"($\partial L/\partial b$): the report drops the $L$. $\alpha_j = \partial L/\partial z_j$ is the upstream "
    "gradient and $m = n - K + 1$ the number of outputs, so $m$ terms are summed. Convolution is "
    r"cross-correlation, $z_j = \sum_l k_l u_{l+j-1} + b$; the kernel size is written $K = i + r$ ($r \ge 0$) so "
    "that $i$ is a valid kernel index."
)


def sizes(limit: int = MAX_SIZE) -> list[tuple[int, int]]:
    """Every (input size n, kernel size K) with 1 <= K <= n <= limit.

    >>> len(sizes(8)), sizes(2)
    (36, [(1, 1), (2, 1), (2, 2)])
    """
    return [(n, k) for n in range(1, limit + 1) for k in range(1, n + 1)]


def _indices(wrt: str, kernel: int) -> range:
    return range(1, kernel + 1) if wrt == "k" else range(1, 2)


@functools.cache
def _symbolic_grads(n: int, kernel: int):
    return conv1d_param_grads_symbolic(n, kernel)


def _unrolled(part: sp.Expr, wrt: str) -> Callable:
    """Exact: the claim with m = n - K + 1 and each i, against SymPy's derivative of that layer."""

    def check(size: int, rng: np.random.Generator) -> Outcome:
        done = 0
        for n, kernel in sizes():
            grads, grad_b = _symbolic_grads(n, kernel)
            for index in _indices(wrt, kernel):
                got = unroll(part.xreplace({i: sp.Integer(index)}), {m: n - kernel + 1})
                want = grads[index - 1] if wrt == "k" else grad_b
                done += 1
                if sp.expand(got - want) != 0:
                    record = Counterexample({"n": n, "K": kernel, "i": index}, sp.sstr(got), sp.sstr(want), "side 2")
                    detail = f"differs at $n = {n}$, $K = {kernel}$, $i = {index}$"
                    return Outcome("unrolled, exact", False, done, detail=detail, counterexample=record)
        return Outcome(f"unrolled exactly for every size up to $n = {MAX_SIZE}$", True, done)

    return check


def _instances(size: int, rng: np.random.Generator, n: int, kernel: int) -> tuple[np.ndarray, np.ndarray]:
    """u (batch, n) and alpha (batch, m) at random."""
    return rng.uniform(-2, 2, (size, n)), rng.uniform(-2, 2, (size, n - kernel + 1))


def _numeric(part: sp.Expr, wrt: str, target: Callable, method: str) -> Callable:
    """The claim evaluated with NumPy (compiled once, 1-based arrays) against ``target``, every size."""

    def check(size: int, rng: np.random.Generator) -> Outcome:
        compiled = compile_expr(part, [ALPHA, U, i, m])
        batch, worst, done = max(1, min(size, 64)), 0.0, 0
        for n, kernel in sizes():
            u, alpha = _instances(batch, rng, n, kernel)
            want = target(u, kernel, alpha)
            pad = np.full((1, batch), np.nan)
            for index in _indices(wrt, kernel):
                try:
                    got = compiled(np.vstack([pad, alpha.T]), np.vstack([pad, u.T]), index, n - kernel + 1)
                except IndexError:
                    got = np.full(batch, np.nan)  # the formula reads past the input
                expected = want[0][:, index - 1] if wrt == "k" else want[1]
                got = np.broadcast_to(np.asarray(got, dtype=float), expected.shape)  # an empty sum is a plain 0
                error = np.abs(got - expected)
                done += batch
                if not np.all(error <= 1e-9 + 1e-9 * np.abs(expected)):
                    row = int(np.argmax(np.nan_to_num(error, nan=np.inf)))
                    instance = {"n": n, "K": kernel, "i": index, "u": u[row].tolist(), "alpha": alpha[row].tolist()}
                    record = Counterexample(instance, float(got[row]), float(expected[row]), "side 2")
                    detail = f"differs at $n = {n}$, $K = {kernel}$, $i = {index}$"
                    return Outcome(method, False, done, detail=detail, counterexample=record)
                worst = max(worst, float(error.max()))
        return Outcome(method, True, done, max_abs_error=worst, tolerance="1e-9")

    return check


def _numpy_grads(u: np.ndarray, kernel: int, alpha: np.ndarray):
    return conv1d_param_grads(u, np.zeros(kernel), alpha)


def _torch_grads(torch: Any, u: np.ndarray, kernel: int, alpha: np.ndarray):
    """PyTorch's conv1d backward with upstream alpha (``torch`` from :func:`torch_hook`)."""
    F = torch.nn.functional
    batch, n = u.shape
    weight = torch.zeros((batch, 1, kernel), dtype=torch.float64, requires_grad=True)
    bias = torch.zeros(batch, dtype=torch.float64, requires_grad=True)
    z = F.conv1d(torch.tensor(u).reshape(1, batch, n), weight, bias, groups=batch)
    (z.reshape(batch, -1) * torch.tensor(alpha)).sum().backward()
    return weight.grad.reshape(batch, kernel).numpy(), bias.grad.numpy()


def _torch_oracle(part: sp.Expr, wrt: str) -> Callable:
    """The numeric check against PyTorch's conv1d autograd, as the claim's oracle (None without torch)."""
    method = f"PyTorch's conv1d autograd in float64, every size up to $n = {MAX_SIZE}$"

    @torch_hook
    def oracle(torch: Any, size: int, rng: np.random.Generator) -> Outcome:
        return _numeric(part, wrt, functools.partial(_torch_grads, torch), method)(size, rng)

    return oracle


def general_claim(claim_id: str, source: str | None, wrt: str, latex: str | None = None) -> Claim:
    """The claim that the report's sum is dL/dk_i (``wrt='k'``) or dL/db (``wrt='b'``) for every size.

    ``source`` None makes an extension from ``latex`` (a planted variant in the tests).
    """
    sides = parse_chain(source if source is not None else latex, _NAMES)
    part = sides[1]
    grad_k, grad_b = conv1d_param_grads_symbolic()
    reference = grad_k(i) if wrt == "k" else grad_b
    j, l = sp.symbols("j l", integer=True)
    layer = sp.Sum(sp.IndexedBase("k")[l] * U[l + j - 1], (l, 1, sp.Symbol("K")))
    numpy_method = f"NumPy's conv1d_param_grads (sliding windows), every size up to $n = {MAX_SIZE}$"
    return Claim(
        id=claim_id,
        **place("Q4", "d"),
        source=source,
        statement=sp.Eq(*sides, evaluate=False),
        claimed=(("side 2", part),),
        reference=reference,
        lhs=r"\frac{\partial L}{\partial k_i}" if wrt == "k" else r"\frac{\partial L}{\partial b}",
        checks=(
            ("symbolic", _unrolled(part, wrt)),
            ("sampled", _numeric(part, wrt, _numpy_grads, numpy_method)),
        ),
        oracle=_torch_oracle(part, wrt),
        derivation=(
            ("the layer", sp.Eq(sp.Symbol("z_j"), layer + sp.Symbol("b"), evaluate=False)),
            (
                "chain rule",
                sp.Eq(sp.Symbol("dL/dk_i"), sp.Sum(ALPHA[j] * sp.Symbol("dz_j/dk_i"), (j, 1, m)), evaluate=False),
            ),
        ),
        note=_READING,
        extension=source is None,
        reread=functools.partial(general_claim, claim_id, None, wrt),
    )


def general_claims() -> tuple[Claim, ...]:
    """The two Q4(d) claims, parsed from the report."""
    return (
        general_claim(
            "conv_grads.dL_dki_general",
            r"\frac{\partial}{\partial k_i} = \alpha_1 u_i + \alpha_2 u_{i+1} + \alpha_3 u_{i+2} + \dots + \alpha_m u_{i+m-1}",
            "k",
        ),
        general_claim(
            "conv_grads.dL_db_general", r"\frac{\partial}{\partial b} = \alpha_1 + \alpha_2 + \dots + \alpha_m", "b"
        ),
    )
