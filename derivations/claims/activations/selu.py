"""Q1(b), SELU: the report's reading of alpha and lambda, and the derived constants.

The constants come from :mod:`convproof.derivations.lib.selu` (the self-normalising
fixed point in closed form); here they are checked against mpmath's quadrature,
PyTorch's SELU, and the report's claim that they are free hyperparameters.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ...checks.cases import by_cases
from ...checks.torch_oracle import torch_hook
from ...claim import Claim, reals
from ...lib.selu import agreement_digits, alpha, lam, numeric_fixed_point, output_moments, selu_alpha, selu_lambda
from ...outcome import Counterexample, Outcome

__all__ = ["claims"]


def _certify_constants() -> Outcome:
    digits = 40
    a_num, l_num = numeric_fixed_point(digits)
    agree = min(agreement_digits(selu_alpha(), a_num, digits), agreement_digits(selu_lambda(), l_num, digits))
    return Outcome(
        "closed form against mpmath quadrature and Newton's method at 50 digits",
        agree >= 30,
        tolerance="30 significant digits",
        detail=(
            rf"$\alpha = {sp.N(selu_alpha(), 40)}$, $\lambda = {sp.N(selu_lambda(), 40)}$; "
            f"the two routes agree to {agree:.0f} of {digits} digits"
        ),
    )


@torch_hook
def _torch_constants(torch, size: int, rng: np.random.Generator) -> Outcome:
    """PyTorch's SELU on random inputs against the closed-form constants (float64)."""
    values = rng.uniform(-6, 6, size)
    got = torch.nn.functional.selu(torch.tensor(values, dtype=torch.float64)).numpy()
    a, l = float(sp.N(selu_alpha(), 20)), float(sp.N(selu_lambda(), 20))
    want = l * np.where(values > 0, values, a * np.expm1(values))
    error = float(np.max(np.abs(got - want)))
    return Outcome(
        "PyTorch's selu in float64 against the derived constants",
        bool(np.allclose(got, want, rtol=1e-14, atol=1e-15)),
        samples=size,
        max_abs_error=error,
        tolerance="rtol=1e-14, atol=1e-15",
    )


def _self_normalising(size: int, rng: np.random.Generator) -> Outcome:
    """At chosen (alpha, lambda), do the output moments stay at (0, 1)? Trapezoid quadrature."""
    grid = np.linspace(-12.0, 12.0, 24001)  # the kink at 0 is a node
    # composite Simpson weights: smooth on each side of the kink, error O(h^4)
    weight = (
        np.exp(-(grid**2) / 2) / np.sqrt(2 * np.pi) * np.r_[1, np.tile([4, 2], 11999), 4, 1] * (grid[1] - grid[0]) / 3
    )
    draws = min(size, 64)
    chosen = np.column_stack([rng.uniform(0.5, 3.0, draws), rng.uniform(0.5, 2.0, draws)])
    star = [float(sp.N(selu_alpha(), 20)), float(sp.N(selu_lambda(), 20))]
    pairs = np.vstack([star, chosen])
    out = pairs[:, 1:2] * np.where(grid > 0, grid, pairs[:, 0:1] * np.expm1(grid))
    mean, second = out @ weight, out**2 @ weight
    gap = np.maximum(np.abs(mean), np.abs(second - 1))
    if gap[0] > 1e-10:
        raise RuntimeError(f"quadrature does not reproduce the fixed point at the derived constants (gap {gap[0]:.3g})")
    bad = np.flatnonzero(gap[1:] > 1e-6)
    counterexample = None
    if bad.size:
        row = 1 + int(bad[np.argmin(gap[1:][bad])])
        counterexample = Counterexample(
            {"alpha": float(pairs[row, 0]), "lambda": float(pairs[row, 1])},
            claimed=[float(mean[row]), float(second[row])],
            reference=[0.0, 1.0],
            part="$(E[f(z)], E[f(z)^2])$",
        )
    return Outcome(
        r"output mean and variance by Simpson quadrature at chosen $(\alpha, \lambda)$",
        bad.size == 0,
        samples=draws,
        max_abs_error=float(gap[1:].max()),
        tolerance="|E[f]| and |E[f^2] - 1| <= 1e-6",
        detail=f"{bad.size} of {draws} chosen pairs leave the fixed point $(0, 1)$; the derived pair keeps it",
        counterexample=counterexample,
    )


def claims() -> tuple[Claim, ...]:
    """The report's reading of alpha and lambda, and the derived constants."""
    a_star, l_star = selu_alpha(), selu_lambda()
    mean, second = output_moments()
    steps = (
        (r"mean and second moment for $z \sim N(0, 1)$", sp.Tuple(mean, second)),
        (r"mean set to 0 (linear in $\alpha$)", sp.Eq(alpha, a_star, evaluate=False)),
        (r"second moment set to 1, $\lambda > 0$", sp.Eq(lam, l_star, evaluate=False)),
    )
    chosen, label = sp.Tuple(alpha, lam), r"chosen $(\alpha, \lambda)$"
    domain = {alpha: reals(0.5, 3.0), lam: reals(0.5, 2.0)}
    source = (
        "هایپرپارامترهایی هستند که انتخاب میشوند، این تابع قابلیت scale کردن خروجی خود را دارد "
        "و میتواند حالتی self\\_normalized داشته باشد."
    )
    return (
        Claim(
            id="activations.selu_hyperparameters",
            where="Q1(b), SELU",
            source=source,
            statement=chosen,
            claimed=((label, chosen),),
            reference=sp.Tuple(a_star, l_star),
            lhs=r"(\alpha, \lambda)",
            domain=domain,
            prover=by_cases(((label, chosen),), sp.Tuple(a_star, l_star), domain),
            checks=(("sampled", _self_normalising),),
            derivation=steps,
            note=(
                r"Read as: $\alpha$ and $\lambda$ are free hyperparameters and SELU self-normalises with the chosen "
                "values. Self-normalisation (Klambauer et al. 2017) means standard-normal inputs give outputs "
                "of mean 0 and variance 1; those two equations fix both constants."
            ),
        ),
        Claim(
            id="activations.selu_constants",
            where="Q1(b), SELU",
            source=None,
            extension=True,
            statement=sp.Eq(sp.Tuple(alpha, lam), sp.Tuple(a_star, l_star), evaluate=False),
            certified=_certify_constants,
            oracle=_torch_constants,
            derivation=steps,
            note="SELU's constants in closed form, checked to 30 digits against mpmath and against PyTorch's SELU.",
        ),
    )
