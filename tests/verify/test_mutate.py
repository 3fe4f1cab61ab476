"""The mutator (every operator, a fixed order, no no-op mutants) and a mutation run over a fast subset of claims."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

from convproof.derivations.claims import registry
from convproof.derivations.errors import BadInputError
from convproof.verify.mutation.mutate import OPERATORS, RELATIVE, mutants
from convproof.verify.mutation.run import markdown, mutation_run

ROOT = Path(__file__).resolve().parents[2]
x, y = sp.symbols("x y", real=True)
k, d, s = sp.symbols("k d s", integer=True, positive=True)


def _by_operator(expr) -> dict[str, list[sp.Basic]]:
    out: dict[str, list[sp.Basic]] = {}
    for mutant in mutants(expr):
        out.setdefault(mutant.operator, []).append(mutant.expr)
    return out


def test_constants_move_by_one_in_a_thousand_and_integers_by_one():
    found = _by_operator(sp.Rational(3, 2) * x + 4)
    assert found["constant"] == [sp.Rational(3, 2) * (1 + RELATIVE) * x + 4, sp.Rational(3, 2) * (1 - RELATIVE) * x + 4]
    assert set(found["integer"]) == {sp.Rational(3, 2) * x + 5, sp.Rational(3, 2) * x + 3}
    assert sp.pi * (1 + RELATIVE) * x in _by_operator(sp.pi * x)["constant"]


def test_floor_and_ceiling_swap():
    found = _by_operator(sp.floor((k - 1) / s) + 1)
    assert found["floor-ceiling"] == [sp.ceiling((k - 1) / s) + 1]
    assert _by_operator(sp.ceiling(k / s))["floor-ceiling"] == [sp.floor(k / s)]


def test_factors_are_dropped_or_doubled_and_signs_flipped():
    found = _by_operator(d * (k - 1) + 1)
    assert set(found["drop-factor"]) == {k, d + 1}
    assert 2 * d * (k - 1) + 1 in found["double"]
    assert set(found["sign"]) == {d * (k - 1) - 1, 1 - d * (k - 1), d * (k + 1) + 1, d * (-k - 1) + 1}


def test_max_arguments_change_and_relu_counts_as_max():
    from convproof.derivations.claims.conv_grads.network import pool2, relu

    assert set(_by_operator(sp.Max(x, y, 0))["max-args"]) == {
        sp.Max(x, y),
        sp.Max(0, y),
        sp.Max(0, x),
        sp.Min(0, x, y),
    }
    assert set(_by_operator(relu(pool2(x, y)))["max-args"]) >= {pool2(x, y), relu(x), relu(y), sp.Min(0, pool2(x, y))}


def test_piecewise_conditions_are_negated_or_made_strict():
    found = _by_operator(sp.Piecewise((x, x > 0), (0, True)))
    assert found["condition"] == [sp.Piecewise((x, x <= 0), (0, True)), sp.Piecewise((x, x >= 0), (0, True))]


def test_every_operator_is_exercised_and_no_mutant_is_a_no_op():
    from convproof.derivations.claims.conv_grads.network import relu

    expr = sp.Piecewise((sp.floor(x / 2) * relu(y) + sp.Rational(1, 3), x > 1), (sp.Max(x, y), True))
    found = mutants(expr)
    assert {m.operator for m in found} == set(OPERATORS)
    exprs = [m.expr for m in found]
    assert expr not in exprs and len(set(exprs)) == len(exprs)


def test_tuples_are_mutated_component_by_component():
    found = mutants(sp.Tuple(32, 32, 8))
    assert [m.expr for m in found][:2] == [sp.Tuple(33, 32, 8), sp.Tuple(31, 32, 8)]
    assert len(found) == 6


def test_only_sympy_is_mutated():
    with pytest.raises(BadInputError, match="SymPy expression"):
        mutants("1 + x")


def test_the_enumeration_is_the_same_in_another_process():
    """Pre-order over SymPy's canonical argument order: no dependence on hash seeds."""
    claim_id = "dilated.output_size_general"
    here = [m.describe() for m in mutants(registry.get(claim_id).reference)]
    script = (
        "from convproof.derivations.claims import registry; from convproof.verify.mutation.mutate import mutants\n"
        f"print('\\n'.join(m.describe() for m in mutants(registry.get({claim_id!r}).reference)))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == here


FAST = (
    "dilated.rf_closed_form",
    "dilated.output_size",
    "activations.relu",
    "activations.chart2_softplus",
    "metrics.mse",
)


def test_mutation_run_over_a_fast_subset_kills_every_mutant_that_is_not_proven_equivalent():
    results = mutation_run([registry.get(claim_id) for claim_id in FAST], samples=300, seed=4)
    assert [r.claim_id for r in results] == list(FAST)
    total = sum(len(r.runs) for r in results)
    killed = sum(r.killed for r in results)
    assert total >= 50
    for result in results:
        assert result.control != "refuted"
        for run in result.survivors:
            assert run.proof is not None, (result.claim_id, run.mutant.describe(), run.status)
    assert killed / total >= 0.95
    report = markdown(results)
    assert f"total: {killed} of {total} mutants killed" in report
