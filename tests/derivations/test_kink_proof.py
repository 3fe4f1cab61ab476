"""Proofs by cases over the regions between the kinks of a piecewise expression."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from convproof.derivations.checks.kinks import branch, prove_on_regions
from convproof.derivations.claims.conv_grads import network as net
from convproof.derivations.errors import BadInputError

x, y = sp.symbols("x y", real=True)
SIGNS = [("x < 0", {x: sp.Integer(-1)}), ("x > 0", {x: sp.Integer(1)})]


def test_relu_written_three_ways_is_proven_equal():
    parts = [("max", sp.Max(0, x)), ("piecewise", sp.Piecewise((0, x < 0), (x, True))), ("relu", net.relu(x))]
    assert prove_on_regions(parts, x * sp.Heaviside(x), SIGNS).passed is True


def test_failure_names_the_region_and_both_branches():
    proof = prove_on_regions([("side 2", sp.Heaviside(-x) * y)], sp.Heaviside(x) * y, SIGNS)
    assert proof.passed is False
    assert proof.detail == "side 2 differs on $x < 0$: $y$ instead of $0$"


def test_a_point_on_a_kink_is_refused():
    with pytest.raises(BadInputError, match="not strictly inside"):
        branch(sp.Heaviside(x), {x: sp.Integer(0)})


def test_network_regions_cover_every_sign_pattern():
    patterns = set()
    for _, point in net.regions():
        z = [point[s] for s in net.Z_SYMBOLS]
        patterns.add((z[0] > z[1], z[1] > z[2], *(v > 0 for v in z)))
    assert len(patterns) == len(net.regions())
    rng = np.random.default_rng(0)
    for z in rng.uniform(-2, 2, (2000, 3)):
        assert (z[0] > z[1], z[1] > z[2], *(v > 0 for v in z)) in patterns
