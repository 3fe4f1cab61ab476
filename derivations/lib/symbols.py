"""Shared SymPy symbols, each with the assumptions its meaning implies."""

from __future__ import annotations

import sympy as sp

# Convolution geometry: sizes are positive integers, padding is non-negative.
k, d, s, N, m, i = sp.symbols("k d s N m i", integer=True, positive=True)
p = sp.Symbol("p", integer=True, nonnegative=True)

# The real line, for activations and gradients.
x = sp.Symbol("x", real=True)
