"""Q4: gradients of the 1-D conv + max-ReLU network (parts a to c; part d in :mod:`.general`).

Every formula of Q4 is parsed from the report's LaTeX. Each is about one
derivative d(of)/d(wrt) of the network of :mod:`convproof.derivations.claims.conv_grads.network`;
its reference is SymPy's derivative of that network, and it is checked
symbolically, on random instances, against central differences, at the kinks
(:mod:`convproof.derivations.claims.conv_grads.hooks`) and, where installed, against PyTorch.

Names the report uses are read as follows (each claim's note says which apply):
a named derivative on the right of a chain (dL/dv_1, dz_2/dk_1) stands for its
true value, so a chain-rule step is judged on its own; the report's undefined
delta_j is dL/dv_j; alpha_j is dL/dz_j (Q4(c)); the bare z of max(0, z) is
max(z_1, z_2); V_1, V_2 are v_1, v_2.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

import sympy as sp

from ...checks.kinks import prove_on_regions
from ...claim import Claim, place, reals
from ...latex.front import parse, parse_chain
from . import network as net
from . import numeric as sim
from .general import general_claims
from .hooks import gradient_checks, gradient_oracle, parameter_check
from .terms import in_report_terms

__all__ = ["GRADIENTS", "TOPIC", "claims", "gradient_claim", "names"]

TOPIC = "conv_grads"
DOMAIN = {net.SYMBOLS[name]: reals(sim.LOW, sim.HIGH) for name in net.BASE}
_FUNCTIONS = {"max": sp.Max}


class _Names(Mapping):
    """The names the report's Q4 formulas use, each resolved (on demand) to its value in z."""

    def __init__(self) -> None:
        values = net.head()
        self._fixed = {
            **net.SYMBOLS,
            **dict(zip(net.Z_NAMES, net.Z_SYMBOLS, strict=True)),
            **{name: values[name.lower()] for name in ("v_1", "v_2", "V_1", "V_2")},
            "hat{y}": values["yhat"],
            "z": net.pool2(*net.Z_SYMBOLS[:2]),
            "w_3": sp.Symbol("w_3", real=True),
        }
        self._cache: dict[str, sp.Expr] = {}

    def _derived(self, name: str) -> sp.Expr | None:
        if (match := re.fullmatch(r"(delta|alpha)_([123])", name)) is not None:
            return net.derivative_z("L", f"{'v' if match.group(1) == 'delta' else 'z'}_{match.group(2)}")
        if (match := re.fullmatch(r"d(\w*)/d(\w+)", name)) is None:
            return None
        of, wrt = match.group(1) or "L", match.group(2)
        if of in net.Z_NAMES:
            return sp.diff(net.Z[net.Z_NAMES.index(of)], net.SYMBOLS[wrt]) if wrt in net.SYMBOLS else None
        return net.derivative_z(of if of == "L" else of.lower(), wrt)

    def __getitem__(self, name: str) -> sp.Expr:
        if name in self._fixed:
            return self._fixed[name]
        if name not in self._cache:
            value = self._derived(name)
            if value is None:
                raise KeyError(name)
            self._cache[name] = value
        return self._cache[name]

    def __contains__(self, name: object) -> bool:
        try:
            self[name]
        except (KeyError, ValueError):
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter([*self._fixed, "delta_j", "alpha_j", "dL/dθ", "dv_j/dz_j", "dz_j/dθ"])

    def __len__(self) -> int:
        return len(self._fixed) + 5


@functools.cache
def names() -> _Names:
    """The resolver of the report's names, in z, built once.

    >>> names()["delta_1"] == net.derivative_z("L", "v_1")
    True
    """
    return _Names()


def gradient_claim(
    claim_id: str, part: str, source: str | None, of: str, wrt: str, lhs: str, note: str = "", **extra
) -> Claim:
    """A claim about d(of)/d(wrt): every side after the first of ``source`` is a claimed value.

    The sides are parsed in z; the symbolic proof and the hooks work there
    (short expressions), the sampled tier on the same sides in the inputs
    and parameters, against SymPy's derivative of the composed network.
    ``source`` None marks an extension (a planted variant in the tests,
    given as ``latex=``).
    """
    latex = source if source is not None else extra.pop("latex")
    sides = parse_chain(latex, names(), functions=_FUNCTIONS)
    in_z = tuple((f"side {n}", side) for n, side in enumerate(sides[1:], start=2))
    reference_z = net.derivative_z(of, wrt)
    return Claim(
        id=claim_id,
        **place("Q4", part),
        source=source,
        statement=sides,
        claimed=tuple((label, net.at_inputs(part)) for label, part in in_z),
        reference=net.derivative(of, wrt),
        readable=in_report_terms(reference_z),
        lhs=lhs,
        domain=DOMAIN,
        prover=lambda: prove_on_regions(in_z, reference_z, net.regions()),
        checks=gradient_checks(of, wrt, in_z, reference_z),
        derivation=(
            (
                "SymPy's derivative, in $z$ (PyTorch's tie conventions)",
                sp.Eq(sp.Symbol(lhs), reference_z, evaluate=False),
            ),
        ),
        oracle=gradient_oracle(of, wrt, in_z, reference_z),
        note=note,
        extension=source is None,
        reread=lambda text: gradient_claim(claim_id, part, None, of, wrt, lhs, note, latex=text, **extra),
        **extra,
    )


def _parameters(src: str = "w_1, w_2, w_3, a, b, k_1, k_2, k_3") -> Claim:
    listed = parse(src, names())
    truth = net.parameters()

    return Claim(
        id="conv_grads.parameters",
        **place("Q4", "a"),
        source=src,
        statement=listed,
        reference=sp.FiniteSet(*(net.SYMBOLS[name] for name in sorted(truth))),
        checks=(("symbolic", parameter_check(listed, truth)),),
        reread=_parameters,
        note=r"The rest of Q4 uses two pooled activations and only $w_1$, $w_2$ ($\partial L/\partial w_1$, "
        r"$\partial L/\partial w_2$, $\hat{y} = w_1 v_1 + w_2 v_2 + a$), so the network is read with those two "
        "weights; $w_3$ is then not a parameter.",
    )


def _two_paths() -> Claim:
    src = "2 مسیر داریم"
    count = int(re.match(r"\d+", src).group(0))
    values, z2 = net.head(), net.Z_SYMBOLS[1]
    paths = sum(1 for name in ("v_1", "v_2") if z2 in values[name].free_symbols)
    return Claim(
        id="conv_grads.z2_two_paths",
        **place("Q4", "b"),
        source=src,
        statement=sp.Integer(count),
        claimed=(("paths", sp.Integer(count)),),
        reference=sp.Integer(paths),
        lhs=r"\#\{v_j \text{ depending on } z_2\}",
        note="$z_2$ reaches $L$ through every pooled activation whose window holds it.",
    )


_ALPHA = r"$\alpha_j$ is $\partial L/\partial z_j$, the true upstream gradient; a named derivative on the right is its true value."
_DELTA = r"$\delta_j$, undefined in the report, is read as $\partial L/\partial v_j = (\hat{y} - y) w_j$."
_Z = r"The bare $z$ is $\max(z_1, z_2)$ (the report's own $\max(0, z_1, z_2) = \max(0, z)$)."
_OTHERWISE = "The empty condition of the last case is 'otherwise'."

# (id, part of Q4, the report's LaTeX, of, wrt, how it is read): each about d(of)/d(wrt)
GRADIENTS = (
    ("dL_dw1", "b", r"\frac{\partial L}{\partial w_1} = [-(\hat{y} - y)] [v_1] = (\hat{y} - y) v_1", "L", "w_1",
     r"Side 2 is read as the product $(\partial L/\partial \hat{y})(\partial \hat{y}/\partial w_1)$."),
    ("dL_dw2", "b", r"\frac{\partial L}{\partial w_2} = (\hat{y} - y) v_2", "L", "w_2", ""),
    ("dL_da", "b", r"\frac{\partial L}{\partial a} = (\hat{y} - y)", "L", "a", ""),
    ("dL_dz1_chain", "b",
     r"\frac{\partial L}{\partial z_1} = \frac{\partial}{\partial v_1} \frac{\partial v_1}{\partial z_1}", "L", "z_1",
     r"The operator $\partial/\partial v_1$ is read as $\partial L/\partial v_1$ (the report drops the $L$). " + _ALPHA),
    ("dv1_dz1_cases", "b",
     r"\frac{\partial v_1}{\partial z_1} = \begin{cases} 0 & z < 0 \Rightarrow z_1, z_2 < 0 \\ 1 & z > 0 \end{cases}",
     "v_1", "z_1", _Z + " The first case reads '$z < 0$, hence $z_1, z_2 < 0$' (all must hold); no case covers $z = 0$."),
    ("dL_dz1_cases", "b",
     r"\Rightarrow \frac{\partial L}{\partial z_1} = \begin{cases} 0 & \text{if } z_1 < 0, z_2 < 0 \\ \delta_1 & \end{cases}",
     "L", "z_1", _DELTA + " " + _OTHERWISE),
    ("dL_dz3_cases", "b",
     r"\Rightarrow \frac{\partial L}{\partial z_3} = \begin{cases} 0 & \text{if } z_2 < 0, z_3 < 0 \\ \delta_2 & \end{cases}",
     "L", "z_3", _DELTA + " " + _OTHERWISE),
    ("dL_dz2_chain", "b",
     r"\frac{\partial L}{\partial z_2} = \frac{\partial L}{\partial v_1} \frac{\partial v_1}{\partial z_2} + \frac{\partial L}{\partial v_2} \frac{\partial v_2}{\partial z_2} = \delta_1 \frac{\partial v_1}{\partial z_2} + \delta_2 \frac{\partial v_2}{\partial z_2}",
     "L", "z_2", "The sum over the two paths of $z_2$. " + _DELTA + " " + _ALPHA),
    ("dv1_dz2_cases", "b",
     r"\frac{\partial V_1}{\partial z_2} = \begin{cases} 0 & \text{if } z_1 < 0, z_2 < 0 \\ 1 & \end{cases}",
     "v_1", "z_2", "$V_1$ is $v_1$. " + _OTHERWISE),
    ("dv2_dz2_cases", "b",
     r"\frac{\partial V_2}{\partial z_2} = \begin{cases} 0 & \text{if } z_2 < 0, z_3 < 0 \\ 1 & \end{cases}",
     "v_2", "z_2", "$V_2$ is $v_2$. " + _OTHERWISE),
    ("dL_dk1", "c",
     r"\begin{aligned} \frac{\partial L}{\partial k_1} &= \frac{\partial L}{\partial z_1} \frac{\partial z_1}{\partial k_1} + \frac{\partial L}{\partial z_2} \frac{\partial z_2}{\partial k_1} + \frac{\partial L}{\partial z_3} \frac{\partial z_3}{\partial k_1} \\ &= \alpha_1 u_1 + \alpha_2 u_2 + \alpha_3 u_3 \end{aligned}",
     "L", "k_1", _ALPHA),
    ("dL_dk2", "c",
     r"\begin{aligned} \frac{\partial L}{\partial k_2} &= \frac{\partial L}{\partial z_1} \frac{\partial z_1}{\partial k_2} + \frac{\partial L}{\partial z_2} \frac{\partial z_2}{\partial k_2} + \frac{\partial L}{\partial z_3} \frac{\partial z_3}{\partial k_2} \\ &= \alpha_1 u_2 + \alpha_2 u_3 + \alpha_3 u_4 \end{aligned}",
     "L", "k_2", _ALPHA),
    ("dL_dk3", "c",
     r"\begin{aligned} \frac{\partial L}{\partial k_3} &= \frac{\partial L}{\partial z_1} \frac{\partial z_1}{\partial k_3} + \frac{\partial L}{\partial z_2} \frac{\partial z_2}{\partial k_3} + \frac{\partial L}{\partial z_3} \frac{\partial z_3}{\partial k_3} \\ &= \alpha_1 u_3 + \alpha_2 u_4 + \alpha_3 u_5 \end{aligned}",
     "L", "k_3", _ALPHA),
    ("dL_db", "c",
     r"\begin{aligned} \frac{\partial L}{\partial b} &= \frac{\partial L}{\partial z_1} \frac{\partial z_1}{\partial b} + \frac{\partial L}{\partial z_2} \frac{\partial z_2}{\partial b} + \frac{\partial L}{\partial z_3} \frac{\partial z_3}{\partial b} \\ &= \alpha_1 + \alpha_2 + \alpha_3 \end{aligned}",
     "L", "b", _ALPHA),
)  # fmt: skip

_EXPANSIONS = (
    r"z_1 = k_1 u_1 + k_2 u_2 + k_3 u_3 + b",
    r"z_2 = k_1 u_2 + k_2 u_3 + k_3 u_4 + b",
    r"z_3 = k_1 u_3 + k_2 u_4 + k_3 u_5 + b",
)


def _max_nested(src: str = r"\max(0, z_1, z_2) = \max(0, \max(z_1, z_2)) = \max(0, z)") -> Claim:
    sides = parse_chain(src, names(), functions=_FUNCTIONS)
    in_z = tuple((f"side {n}", side) for n, side in enumerate(sides, start=1))
    reference_z = net.head()["v_1"]
    return Claim(
        id="conv_grads.max_nested",
        **place("Q4", "b"),
        source=src,
        statement=sides,
        claimed=tuple((label, net.at_inputs(part)) for label, part in in_z),
        reference=net.at_inputs(reference_z),
        lhs="v_1",
        domain=DOMAIN,
        prover=lambda: prove_on_regions(in_z, reference_z, net.regions()),
        note="Each side is $v_1$ of the network. " + _Z,
        reread=_max_nested,
    )


def _expansion(j: int, src: str) -> Claim:
    plain = {**net.SYMBOLS, f"z_{j}": sp.Symbol(f"z_{j}", real=True)}
    sides = parse_chain(src, plain)
    return Claim(
        id=f"conv_grads.z{j}_expansion",
        **place("Q4", "c"),
        source=src,
        statement=sp.Eq(*sides, evaluate=False),
        claimed=(("side 2", sides[1]),),
        reference=net.Z[j - 1],
        lhs=f"z_{j}",
        domain=DOMAIN,
        note="The reference is output $j$ of a valid 1-D cross-correlation of $u$ with kernel $k$, plus $b$.",
        reread=functools.partial(_expansion, j),
    )


# The report's own alpha_j = dL/dz_j, from part (b): part (c) is written in them
_ALPHAS = tuple(f"{TOPIC}.{name}" for name in ("dL_dz1_chain", "dL_dz1_cases", "dL_dz2_chain", "dL_dz3_cases"))


def claims() -> tuple[Claim, ...]:
    """Every Q4 claim, parsed from the report's LaTeX, in report order."""

    def grad(row) -> Claim:
        name, part, src, of, wrt, note = row
        lhs = rf"\frac{{\partial {of}}}{{\partial {wrt}}}"
        return gradient_claim(f"{TOPIC}.{name}", part, src, of, wrt, lhs, note)

    prose = "The network is backpropagated like an MLP ('جان' read as a typo of 'مثل', like)."
    by_id = {row[0]: row for row in GRADIENTS}
    return (
        _parameters(),
        Claim(id=f"{TOPIC}.prose_mlp", **place("Q4", "b"), source="این شبکه جان MLP است", prose=prose),
        *(grad(by_id[name]) for name in ("dL_dw1", "dL_dw2", "dL_da", "dL_dz1_chain")),
        _max_nested(),
        *(grad(by_id[name]) for name in ("dv1_dz1_cases", "dL_dz1_cases", "dL_dz3_cases", "dL_dz2_chain")),
        _two_paths(),
        *(grad(by_id[name]) for name in ("dv1_dz2_cases", "dv2_dz2_cases")),
        *(_expansion(j, src) for j, src in enumerate(_EXPANSIONS, start=1)),
        *(replace(grad(by_id[name]), depends_on=_ALPHAS) for name in ("dL_dk1", "dL_dk2", "dL_dk3", "dL_db")),
        *general_claims(),
    )
