"""The checks behind the batch-norm claims that a formula alone cannot state.

Each hook draws random mini-batches (shape (N, C) or (N, C, H, W), every
channel with its own location and scale), runs the NumPy reference of
:mod:`convproof.derivations.lib.batchnorm` and measures what the claim says: the
moments after normalisation, the running statistics after one batch, whether
an output depends on the rest of the batch. The symbolic hook proves the
normalisation for a batch of any size n with ``IndexedBase`` sums.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

from ...checks.wording import tex_number
from ...lib.batchnorm import EmaConvention, batch_norm_infer, batch_norm_train
from ...outcome import Counterexample, Outcome

__all__ = [
    "EPS",
    "draw_batch",
    "ema_convention_check",
    "first_channel",
    "general_batch_proof",
    "inference_check",
    "normalised_moments_check",
    "single_image_check",
    "single_sample_proof",
    "trials",
]

EPS = 1e-5  # PyTorch's default; Keras uses 1e-3


def trials(size: int) -> int:
    """Random mini-batches per hook: enough to vary the shapes, few enough to stay fast."""
    return max(2, min(size // 100, 20))


def draw_batch(rng: np.random.Generator, *, spatial: bool = False, batch: int | None = None) -> np.ndarray:
    """A random mini-batch whose channels have different means and scales."""
    n = int(rng.integers(2, 33)) if batch is None else batch
    channels = int(rng.integers(1, 9))
    shape = (n, channels, *(rng.integers(2, 6, size=2) if spatial else ()))
    where = (1, channels) + (1,) * (len(shape) - 2)
    return rng.uniform(-5, 5, where) + rng.uniform(0.5, 3, where) * rng.standard_normal(shape)


def general_batch_proof(rhs: sp.Basic, x: sp.Symbol, mean: sp.Symbol, std: sp.Symbol) -> Callable[..., Outcome]:
    """Hook: the formula ``rhs`` standardises a batch of any size n (mean 0, variance 1).

    The batch is x[1..n] (``IndexedBase``); the mean m and the biased variance
    v are held as symbols while the sums are split (they do not depend on the
    summation index), then replaced by their definitions.
    """
    n = sp.Symbol("n", integer=True, positive=True)
    j = sp.Symbol("j", integer=True, positive=True)
    xs = sp.IndexedBase("x", real=True)
    m, v = sp.Symbol("m", real=True), sp.Symbol("v", positive=True)
    z = rhs.subs({x: xs[j], mean: m, std: sp.sqrt(v)})
    definitions = [(m, sp.Sum(xs[j], (j, 1, n)) / n), (v, sp.Sum((xs[j] - m) ** 2, (j, 1, n)) / n)]

    def prove(expr: sp.Basic) -> sp.Basic:
        split = sp.factor_terms(sp.expand(expr)).doit()
        for symbol, definition in reversed(definitions):
            split = sp.factor_terms(split.subs(symbol, definition).expand()).doit()
        return sp.simplify(split)

    def hook(size: int, rng: np.random.Generator) -> Outcome:
        mean_z = prove(sp.Sum(z, (j, 1, n)) / n)
        var_z = prove(sp.Sum(sp.expand(z**2), (j, 1, n)) / n - mean_z**2)
        passed = mean_z == 0 and var_z == 1
        return Outcome(
            "SymPy proof with IndexedBase for a batch of any size $n$",
            passed=passed,
            detail=f"the normalised batch has mean ${sp.latex(mean_z)}$ and biased variance ${sp.latex(var_z)}$",
            counterexample=None
            if passed
            else Counterexample({"n": "any"}, [str(mean_z), str(var_z)], [0, 1], part="(mean, variance)"),
        )

    return hook


def normalised_moments_check(claimed_mean, claimed_std, *, affine: bool) -> Callable[..., Outcome]:
    """Hook: per channel, the training-mode output has the claimed mean and standard deviation.

    ``claimed_mean(beta)`` and ``claimed_std(gamma)`` are NumPy functions of
    the per-channel parameters (0 and 1 without ``affine``). With eps the
    variance is gamma^2 V/(V + eps), so the bound allows |gamma| eps/(2V).
    """

    def hook(size: int, rng: np.random.Generator) -> Outcome:
        worst, bad = 0.0, None
        count = trials(size)
        for trial in range(count):
            x = draw_batch(rng, spatial=bool(trial % 2))
            channels = x.shape[1]
            gamma = rng.uniform(-3, 3, channels) if affine else np.ones(channels)
            beta = rng.uniform(-3, 3, channels) if affine else np.zeros(channels)
            y, _, var = batch_norm_train(x, gamma, beta, eps=EPS)
            axes = (0, *range(2, x.ndim))
            got = np.stack([y.mean(axis=axes), y.std(axis=axes)])
            want = np.stack([claimed_mean(beta), claimed_std(gamma)])
            allowed = np.stack([np.full(channels, 1e-9), np.abs(gamma) * EPS / (2 * var) + 1e-9])
            error = np.abs(got - want)
            worst = max(worst, float(error.max()))
            if bad is None and (error > allowed).any():
                bad = Counterexample(
                    {"shape": str(x.shape)}, want.T[0].tolist(), got.T[0].tolist(), part="(mean, std) per channel"
                )
        return Outcome(
            "training-mode batch norm on random mini-batches (NumPy)",
            passed=bad is None,
            samples=count,
            max_abs_error=worst,
            tolerance=f"1e-9, plus |gamma| eps/(2V) on the std (eps={EPS:g})",
            counterexample=bad,
        )

    return hook


def ema_convention_check(
    convention: EmaConvention, claimed: Callable[..., tuple], *, unbiased: bool = False
) -> Callable[..., Outcome]:
    """Hook: running (mean, variance) after the first batch under ``convention`` against ``claimed``.

    ``claimed(mean, variance)`` gives what the claim says they are, the variance biased or,
    with ``unbiased``, the unbiased one (the claim's "variance of the mini-batch" read either way).
    """

    def hook(size: int, rng: np.random.Generator) -> Outcome:
        x = draw_batch(rng)
        _, mean, var = batch_norm_train(x)
        got = convention.update((convention.initial_mean, convention.initial_variance), mean, var, x.shape[0])
        want = claimed(mean, var * x.shape[0] / (x.shape[0] - 1) if unbiased else var)
        error = float(np.max(np.abs(np.stack(got) - np.stack(want))))
        passed = bool(np.allclose(got, want, rtol=1e-9, atol=1e-12))
        return Outcome(
            f"running statistics after one batch, {convention.name}",
            passed=passed,
            samples=int(x.shape[0]),
            max_abs_error=error,
            detail=f"channel 0: running mean ${tex_number(got[0][0])}$ and variance ${tex_number(got[1][0])}$; "
            f"batch mean ${tex_number(mean[0])}$ and variance ${tex_number(var[0])}$",
            counterexample=None if passed else first_channel(x, want, got, convention.name),
        )

    return hook


def first_channel(x: np.ndarray, want, got, source: str) -> Counterexample:
    """The counterexample of a running-statistics hook: channel 0 of the batch, claimed and found (mean, variance)."""
    return Counterexample(
        {"batch": [round(float(v), 6) for v in x[:, 0]]},
        [float(want[0][0]), float(want[1][0])],
        [float(got[0][0]), float(got[1][0])],
        part=f"(running mean, running variance), {source}",
    )


def inference_check(size: int, rng: np.random.Generator) -> Outcome:
    """Hook: with running statistics a sample's output is the same alone or in any batch;
    with batch statistics (training mode) it changes with its batch-mates."""
    alone_ok, batch_dependent, count = True, True, trials(size)
    for _ in range(count):
        x = draw_batch(rng)
        channels = x.shape[1]
        mean, var = rng.uniform(-1, 1, channels), rng.uniform(0.5, 2, channels)
        together = batch_norm_infer(x, mean, var)
        alone = np.concatenate([batch_norm_infer(x[i : i + 1], mean, var) for i in range(len(x))])
        alone_ok &= bool(np.array_equal(together, alone))
        others = x.copy()
        others[1:] = rng.normal(2.0, 3.0, others[1:].shape)
        batch_dependent &= not np.allclose(batch_norm_train(x)[0][0], batch_norm_train(others)[0][0])
    passed = alone_ok and batch_dependent
    return Outcome(
        "inference with running statistics vs training with batch statistics (NumPy)",
        passed=passed,
        samples=count,
        detail=f"in inference a sample's output {'is the same' if alone_ok else 'differs'} alone and in its batch; "
        f"in training it {'changes' if batch_dependent else 'does not change'} with its batch-mates",
    )


def single_sample_proof(size: int, rng: np.random.Generator) -> Outcome:
    """Hook: a mini-batch of one sample has variance 0, so training-mode batch norm
    maps every input to beta (with eps) or to 0/0 (without)."""
    x1, gamma, beta, eps = sp.symbols("x_1 gamma beta epsilon", real=True)
    mean = x1
    var = (x1 - mean) ** 2
    with_eps = gamma * (x1 - mean) / sp.sqrt(var + eps) + beta
    without = (x1 - mean) / sp.sqrt(var)
    passed = var == 0 and with_eps == beta and without is sp.nan
    shown = "undefined ($0/0$)" if without is sp.nan else f"${sp.latex(without)}$"
    return Outcome(
        "symbolic batch of one sample",
        passed=passed,
        detail=rf"batch variance ${sp.latex(var)}$; with $\varepsilon$ the output is ${sp.latex(with_eps)}$ for every "
        rf"$x_1$; without $\varepsilon$ it is {shown}",
    )


def single_image_check(size: int, rng: np.random.Generator) -> Outcome:
    """Hook: one image of a convolutional layer (N = 1, H x W > 1) still has per-channel statistics."""
    count, ok = trials(size), True
    for _ in range(count):
        x = draw_batch(rng, spatial=True, batch=1)
        y, _, var = batch_norm_train(x, eps=EPS)
        ok &= bool((var > 0).all() and np.allclose(y.mean(axis=(0, 2, 3)), 0, atol=1e-9))
    return Outcome(
        "training-mode batch norm of single images ($N = 1$) of shape $(1, C, H, W)$",
        passed=ok,
        samples=count,
        detail=r"every channel had a positive variance over its $H \times W$ values and was centred"
        if ok
        else r"some channel had no positive variance over its $H \times W$ values or was not centred",
    )
