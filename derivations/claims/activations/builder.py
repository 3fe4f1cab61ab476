"""What the activation claims share: their builder, the PyTorch hook, the PyTorch table.

:func:`formula_claim` parses a formula of the report into a claim against a
reference activation, with two hooks: the largest disagreement on a window (a
``checks`` hook, :func:`convproof.derivations.checks.grid.largest_disagreement`)
and PyTorch as oracle (:func:`torch_oracle`). In both, parameters (alpha,
lambda, ...) are fixed at PyTorch's defaults (``at``); the sampled tier of the
verifier draws them at random from the claim's domain.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import sympy as sp

from ...checks.cases import by_cases
from ...checks.grid import WINDOW, fix_parameters, largest_disagreement, values_at
from ...checks.torch_oracle import torch_hook
from ...claim import Claim, Domain, reals
from ...errors import BadInputError
from ...latex.front import parse_chain
from ...lib.symbols import x
from ...outcome import Counterexample, Outcome

__all__ = ["TORCH", "formula_claim", "torch_oracle"]


def _param(params: Mapping, name: str):
    return float(params[name])


# torch.nn.functional calls, keyed by the name of the function in convproof.derivations.lib.activations.
TORCH: dict[str, Callable] = {
    "relu": lambda F, t, p: F.relu(t),
    "leaky_relu": lambda F, t, p: F.leaky_relu(t, _param(p, "negative_slope")),
    "prelu": lambda F, t, p: F.prelu(t, t.new_tensor([_param(p, "a")])),
    "rrelu": lambda F, t, p: F.rrelu(t, _param(p, "lower"), _param(p, "upper"), training=False),
    "elu": lambda F, t, p: F.elu(t, _param(p, "alpha")),
    "selu": lambda F, t, p: F.selu(t),
    "gelu": lambda F, t, p: F.gelu(t),
    "gelu_tanh": lambda F, t, p: F.gelu(t, approximate="tanh"),
    "silu": lambda F, t, p: F.silu(t),
    "softplus": lambda F, t, p: F.softplus(t, _param(p, "beta"), threshold=1e6),
    "mish": lambda F, t, p: F.mish(t),
    "hardswish": lambda F, t, p: F.hardswish(t),
    "sigmoid": lambda F, t, p: F.sigmoid(t),
    "softsign": lambda F, t, p: F.softsign(t),
    "tanh": lambda F, t, p: F.tanh(t),
    "hardtanh": lambda F, t, p: F.hardtanh(t, _param(p, "min_val"), _param(p, "max_val")),
    "hardsigmoid": lambda F, t, p: F.hardsigmoid(t),
    "tanhshrink": lambda F, t, p: F.tanhshrink(t),
    "softshrink": lambda F, t, p: F.softshrink(t, _param(p, "lambd")),
    "hardshrink": lambda F, t, p: F.hardshrink(t, _param(p, "lambd")),
    "logsigmoid": lambda F, t, p: F.logsigmoid(t),
}


# how a method names a PyTorch function that is not called by the name of its TORCH entry
_CALLS = {"gelu_tanh": "gelu (tanh approximation)"}


def torch_oracle(
    claimed: tuple[tuple[str, sp.Basic], ...],
    reference: sp.Basic,
    name: str,
    at: Mapping[sp.Symbol, sp.Basic] | None = None,
    params: Mapping[str, sp.Basic] | None = None,
    tolerance: tuple[float, float] = (1e-9, 1e-12),
) -> Callable[[int, np.random.Generator], Outcome | None]:
    """An oracle hook: PyTorch's activation ``name`` against the claimed parts, in float64.

    ``at`` fixes the claim's parameters; ``params`` passes the same values to
    torch under its own argument names. If torch disagrees with the
    reference, convproof has a bug: the hook raises instead of judging.
    Without torch the hook returns None (the tier is skipped).

    >>> from convproof.derivations.lib.activations import relu
    >>> result = torch_oracle((("f", sp.Max(0, x)),), relu(x), "relu")(100, np.random.default_rng(0))
    >>> result is None or result.passed
    True
    """
    if name not in TORCH:
        raise BadInputError(f"no PyTorch counterpart named {name!r}; known: {', '.join(sorted(TORCH))}")
    at, params = dict(at or {}), dict(params or {})

    def oracle(torch, size: int, rng: np.random.Generator) -> Outcome:
        parts = [(label, fix_parameters(part, at)) for label, part in claimed]
        want_expr = fix_parameters(reference, at)
        points = rng.uniform(*WINDOW, size)
        got_torch = TORCH[name](torch.nn.functional, torch.tensor(points, dtype=torch.float64), params).numpy()
        rtol, atol = tolerance
        if not np.allclose(values_at(want_expr, points), got_torch, rtol=1e-12, atol=1e-13):
            raise RuntimeError(f"PyTorch's {name} disagrees with the reference {want_expr}: a bug in convproof")
        worst, counterexample = 0.0, None
        for label, part in parts:
            got = values_at(part, points)
            gap = np.nan_to_num(np.abs(got - got_torch), nan=np.inf)
            worst = max(worst, float(gap.max()))
            bad = gap > atol + rtol * np.abs(got_torch)
            if bad.any() and counterexample is None:
                row = int(np.flatnonzero(bad)[np.argmin(np.abs(points[bad]))])
                counterexample = Counterexample(
                    {"x": float(points[row]), **{str(s): float(v) for s, v in at.items()}},
                    claimed=float(got[row]),
                    reference=float(got_torch[row]),
                    part=label,
                )
        return Outcome(
            f"PyTorch's {_CALLS.get(name, name)} in float64",
            counterexample is None,
            samples=size,
            max_abs_error=worst,
            tolerance=f"rtol={rtol:g}, atol={atol:g}",
            counterexample=counterexample,
        )

    return torch_hook(oracle)


def formula_claim(
    *,
    id: str,
    where: str,
    source: str,
    reference: sp.Basic,
    names: Mapping[str, sp.Basic],
    domain: Mapping[sp.Symbol, Domain] | None = None,
    at: Mapping[sp.Symbol, sp.Basic] | None = None,
    torch_name: str | None = None,
    torch_params: Mapping[str, sp.Basic] | None = None,
    functions: Mapping[str, Callable] | None = None,
    parse_text: str | Callable[[str], str] | None = None,
    **fields,
) -> Claim:
    """A claim that the formula ``source`` (``f(x) = ...``, ``y = ...`` or bare) is ``reference``.

    The last side of the parsed chain is the claimed part; x is drawn from
    the window, the parameters from ``domain``; the symbolic tier compares
    the two by cases between their kinks (:mod:`convproof.derivations.checks.cases`). ``parse_text`` replaces
    ``source`` for the parser only, where the source holds prose the parser
    cannot read (say so in the note); a function makes it from ``source`` (and from the text a
    :attr:`~convproof.derivations.claim.Claim.reread` is given). Further ``fields`` go to the Claim.

    >>> from convproof.derivations.lib.activations import relu
    >>> claim = formula_claim(id="activations.demo", where="Q1(b)", source=r"y = \\max(0, x)",
    ...                       reference=relu(x), names={"x": x, "y": sp.Symbol("y")}, lhs="y")
    >>> claim.statement, claim.claimed
    (Eq(y, Max(0, x)), (('formula', Max(0, x)),))
    """
    given = dict(locals(), **fields)
    del given["fields"], given["source"]
    functions = {"f": sp.Function("f"), **(functions or {})}
    text = parse_text(source) if callable(parse_text) else source if parse_text is None else parse_text
    sides = parse_chain(text, names, functions=functions)
    claimed = (("formula", sides[-1]),)
    checks = (("sampled", largest_disagreement(sides[-1], reference, at)),)
    oracle = None if torch_name is None else torch_oracle(claimed, reference, torch_name, at, torch_params)
    domain = {x: reals(*WINDOW), **(domain or {})}
    return Claim(
        id=id,
        where=where,
        source=source,
        statement=sp.Eq(*sides, evaluate=False) if len(sides) == 2 else sides[-1],
        claimed=claimed,
        reference=reference,
        lhs=fields.pop("lhs", "f(x)"),
        domain=domain,
        prover=by_cases(claimed, reference, domain),
        checks=checks + tuple(fields.pop("checks", ())),
        oracle=oracle,
        reread=lambda other: formula_claim(**{**given, "source": other, "parse_text": _reparse(parse_text)}),
        **fields,
    )


def _reparse(parse_text):
    """What a reread does with ``parse_text``: a function applies to the new text; a fixed text is dropped."""
    return parse_text if callable(parse_text) else None
