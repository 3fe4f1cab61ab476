"""Arguments of the symbolic helpers: a SymPy expression or a real number, anything else refused in one line."""

from __future__ import annotations

import functools
import inspect
import reprlib
from collections.abc import Callable
from fractions import Fraction
from numbers import Real

import sympy as sp

from ..errors import BadInputError

__all__ = ["as_expression", "validated"]


def as_expression(value, what: str) -> sp.Expr:
    """``value`` as a scalar SymPy expression; text, None, sequences, matrices and complex numbers are refused.

    >>> as_expression(2, "x")
    2
    >>> as_expression("x", "gelu(x)")
    Traceback (most recent call last):
    ...
    convproof.derivations.errors.BadInputError: gelu(x) must be a SymPy expression or a real number, got str 'x'; write sp.Symbol('x', real=True) or a number
    """
    if isinstance(value, sp.Expr) and not isinstance(value, sp.MatrixBase):
        return value
    if isinstance(value, (Real, Fraction)) and not isinstance(value, bool):
        return sp.sympify(value)
    raise BadInputError(
        f"{what} must be a SymPy expression or a real number, got {type(value).__name__} {' '.join(reprlib.repr(value).split())}; "
        "write sp.Symbol('x', real=True) or a number"
    )


def validated(function: Callable) -> Callable:
    """``function`` with every argument given checked by :func:`as_expression` (None keeps a default)."""
    parameters = list(inspect.signature(function).parameters.values())

    @functools.wraps(function)
    def checked(*args, **kwargs):
        for position, value in enumerate(args):
            name = parameters[position].name if position < len(parameters) else "..."
            if value is not None or position == 0 or parameters[position].default is not None:
                as_expression(
                    value, f"{function.__name__}({name})" if position == 0 else f"{function.__name__}({name}=...)"
                )
        for name, value in kwargs.items():
            if value is not None:
                as_expression(value, f"{function.__name__}({name}=...)")
        return function(*args, **kwargs)

    return checked
