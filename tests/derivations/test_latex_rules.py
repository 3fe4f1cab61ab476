"""The structural rules of the LaTeX front: cases, aligned chains, named derivatives, ellipsis sums."""

from __future__ import annotations

import pytest
import sympy as sp

from convproof.derivations.errors import LatexParseError
from convproof.derivations.latex.ellipsis import ellipsis_sum
from convproof.derivations.latex.front import parse, parse_chain
from convproof.derivations.latex.rules import find_environment

x, y, n = sp.symbols("x y n", real=True)
z1, z2 = sp.symbols("z_1 z_2", real=True)
i, m = sp.symbols("i m", integer=True, positive=True)
ALPHA, U = sp.IndexedBase("alpha"), sp.IndexedBase("u")


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\begin{cases} x & \text{if } x \geq 0 \\ 0 & \text{otherwise} \end{cases}", sp.Piecewise((x, x >= 0), (0, True))),
        (r"\begin{cases} 0, & x < n \\ 1, & x \geq n \end{cases}", sp.Piecewise((0, x < n), (1, x >= n))),
        (r"\begin{cases} 0 & \text{if } z_1 < 0, z_2 < 0 \\ y & \end{cases}", sp.Piecewise((0, (z1 < 0) & (z2 < 0)), (y, True))),
        (r"\begin{cases} 0 & y < 0 \Rightarrow z_1, z_2 < 0 \\ 1 & y > 0 \end{cases}",
         sp.Piecewise((0, (y < 0) & (z1 < 0) & (z2 < 0)), (1, y > 0))),
        (r"2 \begin{cases} x & \text{if } -3 < x < 3 \\ 0 & \text{otherwise} \end{cases}",
         2 * sp.Piecewise((x, (x > -3) & (x < 3)), (0, True))),
    ],
    ids=["if/otherwise", "comma rows", "empty otherwise", "implication", "coefficient and chained condition"],
)  # fmt: skip
def test_cases_become_piecewise(latex, expected):
    names = {"x": x, "y": y, "n": n, "z_1": z1, "z_2": z2}
    assert parse(latex, names) == expected


def test_named_derivatives_and_implication_prefix():
    names = {"dL/dw_1": sp.Symbol("g"), "d/dv_1": sp.Symbol("h"), "dv_1/dz_1": sp.Symbol("q"), "y": y}
    sides = parse_chain(
        r"\Rightarrow \frac{\partial L}{\partial w_1} = \frac{\partial}{\partial v_1} \frac{\partial v_1}{\partial z_1} = y",
        names,
    )
    assert sides == (sp.Symbol("g"), sp.Symbol("h") * sp.Symbol("q"), y)


def test_aligned_rows_continue_one_chain():
    sides = parse_chain(r"\begin{aligned} y &= x + x \\ &= 2 x \end{aligned}", {"x": x, "y": y})
    assert sides == (y, 2 * x, 2 * x)


def test_aligned_block_of_several_equations_is_refused():
    with pytest.raises(LatexParseError, match="several equations"):
        parse_chain(r"\begin{aligned} y &= x \\ x &= 2 \end{aligned}", {"x": x, "y": y})


def test_ellipsis_sum_reads_the_general_term_from_the_last():
    names = {"alpha": ALPHA, "u": U, "i": i, "m": m}
    j = sp.Symbol("j", integer=True)
    latex = r"\alpha_1 u_i + \alpha_2 u_{i+1} + \alpha_3 u_{i+2} + \dots + \alpha_m u_{i+m-1}"
    assert parse(latex, names) == sp.Sum(ALPHA[j] * U[i + j - 1], (j, 1, m))
    assert parse(r"\alpha_2 + \alpha_3 + \cdots + \alpha_m", names) == sp.Sum(ALPHA[j], (j, 2, m))


@pytest.mark.parametrize(
    ("latex", "message"),
    [
        (r"\alpha_1 + \alpha_3 + \dots + \alpha_m", "do not follow the pattern"),
        (r"\alpha_1 + \dots", "not"),
        (r"\begin{cases} 0 \\ 1 & x > 0 \end{cases}", "value & condition"),
        (r"\begin{cases} 0 & z_1, z_2 \end{cases}", "without a relation"),
        (r"x \end{cases}", "without its"),
    ],
    ids=[
        "ellipsis off pattern",
        "ellipsis without last term",
        "row without &",
        "condition without relation",
        "stray end",
    ],
)
def test_malformed_structures_raise_our_error(latex, message):
    names = {"alpha": ALPHA, "m": m, "x": x, "z_1": z1, "z_2": z2}
    with pytest.raises(LatexParseError, match=message):
        parse(latex, names)


def test_find_environment_is_innermost_first():
    text = r"\begin{cases} \begin{cases} 1 & x \end{cases} & y \end{cases}"
    assert find_environment(text, "cases")[2].strip() == "1 & x"


def test_ellipsis_needs_one_bound():
    with pytest.raises(LatexParseError, match="bound"):
        ellipsis_sum([ALPHA[1]], ALPHA[i + m])
