"""The Q4 network in SymPy, to differentiate (its NumPy twin is :mod:`convproof.derivations.claims.conv_grads.numeric`).

    z_j = k_1 u_j + k_2 u_{j+1} + k_3 u_{j+2} + b        (j = 1..3, a valid 1-D convolution)
    v_1 = max(0, z_1, z_2),  v_2 = max(0, z_2, z_3)        (max-pool of width 2, stride 1, then ReLU)
    yhat = w_1 v_1 + w_2 v_2 + a,   L = (yhat - y)^2 / 2

Kink conventions are PyTorch's for that same network (Conv1d -> MaxPool1d(2, 1)
-> ReLU -> Linear): relu'(0) = 0, and a tie inside a pooling window sends the
gradient to the window's first element. SymPy's own ``Max`` differentiates to
``Heaviside(z_a - max(others))`` with Heaviside(0) = 1/2, which splits a tie
in half and gives relu'(0) = 1/2; the two agree everywhere off the ties.
"""

from __future__ import annotations

import functools
import itertools

import sympy as sp

from ...errors import BadInputError
from ...lib.conv1d import conv1d_outputs

__all__ = [
    "BASE",
    "PARAMETERS",
    "SYMBOLS",
    "Z_SYMBOLS",
    "Z",
    "at_inputs",
    "derivative",
    "derivative_z",
    "head",
    "parameters",
    "pool2",
    "regions",
    "relu",
]

INPUTS = tuple(f"u_{n}" for n in range(1, 6))
PARAMETERS = ("k_1", "k_2", "k_3", "b", "w_1", "w_2", "a")
BASE = (*INPUTS, *PARAMETERS, "y")
SYMBOLS = {name: sp.Symbol(name, real=True) for name in BASE}
Z_NAMES = ("z_1", "z_2", "z_3")
Z_SYMBOLS = tuple(sp.Symbol(name, real=True) for name in Z_NAMES)
V_SYMBOLS = tuple(sp.Symbol(name, real=True) for name in ("v_1", "v_2"))

_u = {n: SYMBOLS[f"u_{n}"] for n in range(1, 6)}
_k = {n: SYMBOLS[f"k_{n}"] for n in range(1, 4)}
# z_1..z_3 in the inputs and parameters, from the convolution's definition
Z = tuple(conv1d_outputs(_u, _k, SYMBOLS["b"], 5, 3))


class relu(sp.Function):
    """max(0, x), with PyTorch's relu'(0) = 0.

    >>> x = sp.Symbol("x", real=True)
    >>> relu(x).diff(x), relu(-2), relu(x).rewrite(sp.Max), sp.latex(relu(x))
    (Heaviside(x, 0), 0, Max(0, x), '\\\\max\\\\left(0, x\\\\right)')
    """

    nargs = 1

    @classmethod
    def eval(cls, x):
        return sp.Max(0, x) if x.is_comparable else None

    def fdiff(self, argindex=1):
        return sp.Heaviside(self.args[0], 0)

    def _eval_rewrite_as_Max(self, x, **kwargs):
        return sp.Max(0, x, evaluate=False)

    def _numpycode(self, printer):
        return f"{printer._module_format('numpy.maximum')}({printer._print(self.args[0])}, 0.0)"

    def _latex(self, printer):
        return rf"\max\left(0, {printer._print(self.args[0])}\right)"


class pool2(sp.Function):
    """max(a, b) over a pooling window of two; a tie sends the gradient to ``a`` (PyTorch's MaxPool1d).

    >>> a, b = sp.symbols("a b", real=True)
    >>> pool2(a, b).diff(a), pool2(a, b).diff(b)
    (Heaviside(a - b, 1), Heaviside(-a + b, 0))
    """

    nargs = 2

    @classmethod
    def eval(cls, first, second):
        return sp.Max(first, second) if first.is_comparable and second.is_comparable else None

    def fdiff(self, argindex=1):
        first, second = self.args
        return sp.Heaviside(first - second, 1) if argindex == 1 else sp.Heaviside(second - first, 0)

    def _eval_rewrite_as_Max(self, first, second, **kwargs):
        return sp.Max(first, second, evaluate=False)

    def _numpycode(self, printer):
        first, second = (printer._print(arg) for arg in self.args)
        return f"{printer._module_format('numpy.maximum')}({first}, {second})"

    def _latex(self, printer):
        first, second = (printer._print(arg) for arg in self.args)
        return rf"\max\left({first}, {second}\right)"


def head(z=Z_SYMBOLS) -> dict[str, sp.Expr]:
    """v_1, v_2, yhat and L as SymPy expressions of the conv outputs ``z``.

    >>> head()["v_1"]
    relu(pool2(z_1, z_2))
    """
    w1, w2, a, y = (SYMBOLS[n] for n in ("w_1", "w_2", "a", "y"))
    v1, v2 = relu(pool2(z[0], z[1])), relu(pool2(z[1], z[2]))
    yhat = w1 * v1 + w2 * v2 + a
    return {"v_1": v1, "v_2": v2, "yhat": yhat, "L": (yhat - y) ** 2 / 2}


_AT_INPUTS = dict(zip(Z_SYMBOLS, Z, strict=True))


def at_inputs(expr: sp.Expr) -> sp.Expr:
    """An expression of z rewritten in the inputs and parameters.

    ``relu`` and ``pool2`` stay as they are (``Max`` of long arguments is slow
    to build in SymPy); both print to NumPy as ``maximum``.
    """
    return expr.xreplace(_AT_INPUTS)


def _check(of: str, wrt: str) -> None:
    if of not in ("L", "v_1", "v_2"):
        raise BadInputError(f"can differentiate 'L', 'v_1' or 'v_2', not {of!r}")
    if wrt not in (*Z_NAMES, *PARAMETERS) and not (of == "L" and wrt in ("v_1", "v_2")):
        raise BadInputError(f"cannot differentiate {of!r} by {wrt!r}; use a parameter, 'z_1'..'z_3' or 'v_1'/'v_2'")


def derivative_z(of: str, wrt: str) -> sp.Expr:
    """d(of)/d(wrt) written in z (and u for the kernel): the form the proofs and checks use.

    ``of`` is 'L', 'v_1' or 'v_2'; ``wrt`` a parameter ('k_1', 'w_2', 'b'...),
    a conv output ('z_2') or a pooled activation ('v_1', for L only). For k
    and b it sums over the conv outputs, d/dz_j times dz_j/dθ (the chain
    rule); :func:`derivative` differentiates the composed network instead.

    >>> derivative_z("v_1", "z_1")
    Heaviside(z_1 - z_2, 1)*Heaviside(pool2(z_1, z_2), 0)
    """
    _check(of, wrt)
    values = head()
    if wrt in ("v_1", "v_2"):
        w1, w2, a, y = (SYMBOLS[n] for n in ("w_1", "w_2", "a", "y"))
        loss = (w1 * V_SYMBOLS[0] + w2 * V_SYMBOLS[1] + a - y) ** 2 / 2
        grad = sp.diff(loss, V_SYMBOLS[int(wrt[-1]) - 1])
        return grad.xreplace({V_SYMBOLS[0]: values["v_1"], V_SYMBOLS[1]: values["v_2"]})
    if wrt in Z_NAMES:
        return sp.diff(values[of], Z_SYMBOLS[Z_NAMES.index(wrt)])
    if wrt in ("w_1", "w_2", "a"):
        return sp.diff(values[of], SYMBOLS[wrt])
    return sum(sp.diff(values[of], z) * sp.diff(Z[j], SYMBOLS[wrt]) for j, z in enumerate(Z_SYMBOLS))


def derivative(of: str, wrt: str) -> sp.Expr:
    """d(of)/d(wrt) of the composed network in the inputs and parameters, differentiated by SymPy.

    >>> derivative("L", "w_1") == at_inputs((head()["yhat"] - SYMBOLS["y"]) * head()["v_1"])
    True
    """
    _check(of, wrt)
    if wrt in PARAMETERS:
        return sp.diff(at_inputs(head()[of]), SYMBOLS[wrt])
    return at_inputs(derivative_z(of, wrt))


def parameters() -> frozenset[str]:
    """The trainable parameters: what L depends on, besides the input u and the target y.

    >>> sorted(parameters())
    ['a', 'b', 'k_1', 'k_2', 'k_3', 'w_1', 'w_2']
    """
    loss = at_inputs(head()["L"])
    return frozenset(s.name for s in loss.free_symbols) - set(INPUTS) - {"y"}


@functools.cache
def regions() -> list[tuple[str, dict[sp.Symbol, sp.Integer]]]:
    """One point (in z) inside each region between the kinks, with a description of the region.

    The kinks are the ties z_1 = z_2, z_2 = z_3 and the zeros of z_j, so every
    ordering of 0, z_1, z_2, z_3 lies in one region; orderings that give the
    same signs to all kinks are one region.

    >>> len(regions()), regions()[0][0]
    (18, 'z_1 < z_2 < z_3 < 0')
    """
    out, seen = [], set()
    for order in itertools.permutations(("z_1", "z_2", "z_3", "0")):
        z = [sp.Integer(order.index(name) - order.index("0")) for name in Z_NAMES]
        signs = (z[0] > z[1], z[1] > z[2], *(v > 0 for v in z))
        if signs not in seen:
            seen.add(signs)
            out.append((" < ".join(order), dict(zip(Z_SYMBOLS, z, strict=True))))
    return out
