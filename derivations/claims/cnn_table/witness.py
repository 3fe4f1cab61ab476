"""Witnesses for the layer table: run the network and count what it holds.

Neither witness uses a layer formula: the brute force is the NumPy forward
pass :func:`convproof.derivations.lib.forward.numpy_forward`, the oracle the
same network built in PyTorch, :func:`convproof.derivations.checks.torch_layers.torch_forward`.
This module turns them into a Q3 claim's hooks, each reading one value of the
witnessed network (:func:`cell`, :func:`column_total`).
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ...checks.torch_layers import torch_forward
from ...lib.forward import Measured, numpy_forward
from ...lib.layer_notation import Layer
from ...outcome import Counterexample, Outcome

__all__ = ["cell", "column_total", "plain_value", "witness_hooks"]


def cell(index: int, column: str, component: int | None = None):
    """A reader of one value of a witness: row ``index``, ``column``, optionally one component of a shape.

    >>> cell(0, "shape", 1)(({"shape": (6, 5, 4)},))
    5
    """

    def pick(measured: Measured):
        value = measured[index][column]
        return value if component is None else value[component]

    return pick


def column_total(measured: Measured) -> int:
    """The trainable parameters of a whole witnessed network.

    >>> column_total(({"params": 3}, {"params": 4}))
    7
    """
    return sum(row["params"] for row in measured)


def plain_value(expr) -> int | float | list:
    """A plain number (or list of numbers) of a SymPy value, for comparing and recording.

    >>> plain_value(sp.Tuple(sp.Integer(6), sp.Rational(1, 2))), plain_value(sp.Mul(3, 8, evaluate=False))
    ([6, 0.5], 24)
    """
    if isinstance(expr, (sp.Tuple, tuple, list)):
        return [plain_value(v) for v in expr]
    number = sp.nsimplify(sp.sympify(expr))
    return int(number) if number.is_integer else float(number)


def witness_hooks(layers: tuple[Layer, ...], input_shape: tuple[int, ...], pick, parts, reference):
    """A claim's ``brute`` (NumPy) and ``oracle`` (PyTorch) hooks for one value of a network, read by ``pick``.

    The oracle compares each claimed part with PyTorch's value; a PyTorch value
    that differs from ``reference`` is a bug of ours and raises.
    """

    def brute(values: dict):
        return pick(numpy_forward(layers, input_shape))

    def oracle(size: int, rng: np.random.Generator) -> Outcome | None:
        measured = torch_forward(layers, input_shape)
        if measured is None:
            return None
        value = plain_value(pick(measured))
        if plain_value(reference) != value:
            raise RuntimeError(f"PyTorch gives {value} where our reference gives {reference}")
        method = "PyTorch: the same network on a dummy input"
        for label, part in parts:
            if plain_value(part) != value:
                counterexample = Counterexample({}, plain_value(part), value, label)
                return Outcome(method, False, samples=1, detail=f"{label} differs", counterexample=counterexample)
        return Outcome(method, True, samples=1)

    return brute, oracle
