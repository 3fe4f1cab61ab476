"""PyTorch as the oracle of the batch-norm claims (torch.nn.BatchNorm1d/2d).

Every hook is wrapped by :func:`convproof.derivations.checks.torch_oracle.torch_hook`:
it returns ``None`` when PyTorch is not installed (the tier is then skipped),
and otherwise receives the ``torch`` module, on one thread, as first argument
(the helpers below take it from there). Layers run in float64, so the only
difference from the NumPy reference is PyTorch's eps = 1e-5, which the
tolerances account for.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ...checks.torch_oracle import torch_hook
from ...checks.wording import tex_number
from ...lib.batchnorm import PYTORCH, batch_norm_infer, batch_norm_train
from ...outcome import Outcome
from .hooks import EPS, draw_batch, first_channel, trials

__all__ = [
    "ema_oracle",
    "formula_oracle",
    "inference_oracle",
    "moments_oracle",
    "parameters_oracle",
    "single_image_oracle",
    "single_sample_oracle",
]


def _trials(size: int) -> int:
    """Fewer batches than the NumPy hooks: each torch call has a fixed overhead."""
    return min(trials(size), 4)


def _layer(torch, x: np.ndarray, **options):
    kind = torch.nn.BatchNorm1d if x.ndim == 2 else torch.nn.BatchNorm2d
    return kind(x.shape[1], **options).double()


def _run(torch, layer, x: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return layer(torch.from_numpy(x)).numpy()


def formula_oracle(formula: Callable[..., np.ndarray]) -> Callable[..., Outcome | None]:
    """Oracle: training-mode BatchNorm1d/2d output equals ``formula(x, mean, std)`` per channel.

    ``formula`` is the report's expression as a NumPy function; the tolerance
    is the eps effect, |z| eps/(2V), plus rounding.
    """

    @torch_hook
    def hook(torch, size: int, rng: np.random.Generator) -> Outcome:
        worst, ok, count = 0.0, True, _trials(size)
        for trial in range(count):
            x = draw_batch(rng, spatial=bool(trial % 2))
            axes = (0, *range(2, x.ndim))
            shape = (1, -1) + (1,) * (x.ndim - 2)
            mean, var = x.mean(axis=axes).reshape(shape), x.var(axis=axes).reshape(shape)
            want = formula(x, mean, np.sqrt(var))
            got = _run(torch, _layer(torch, x, affine=False), x)
            error = np.abs(got - want)
            worst = max(worst, float(error.max()))
            ok &= bool((error <= np.abs(want) * EPS / (2 * var) + 1e-9).all())
        return Outcome(
            "torch.nn.BatchNorm1d and BatchNorm2d in training mode, without affine parameters",
            passed=ok,
            samples=count,
            max_abs_error=worst,
            tolerance=f"|z| eps/(2V) + 1e-9, eps={EPS:g}",
        )

    return hook


def moments_oracle(*, affine: bool) -> Callable[..., Outcome | None]:
    """Oracle: BatchNorm1d/2d agrees with the NumPy reference; per channel its output
    has mean beta and standard deviation |gamma| (0 and 1 without affine), up to eps."""

    @torch_hook
    def hook(torch, size: int, rng: np.random.Generator) -> Outcome:
        worst, ok, count = 0.0, True, _trials(size)
        for trial in range(count):
            x = draw_batch(rng, spatial=bool(trial % 2))
            channels = x.shape[1]
            gamma = rng.uniform(-3, 3, channels) if affine else np.ones(channels)
            beta = rng.uniform(-3, 3, channels) if affine else np.zeros(channels)
            layer = _layer(torch, x)
            with torch.no_grad():
                layer.weight.copy_(torch.from_numpy(gamma))
                layer.bias.copy_(torch.from_numpy(beta))
            got = _run(torch, layer, x)
            want, _, var = batch_norm_train(x, gamma, beta, eps=EPS)
            axes = (0, *range(2, x.ndim))
            moments = np.abs(np.stack([got.mean(axis=axes) - beta, got.std(axis=axes) - np.abs(gamma)]))
            allowed = np.stack([np.full(channels, 1e-9), np.abs(gamma) * EPS / (2 * var) + 1e-9])
            worst = max(worst, float(np.abs(got - want).max()))
            ok &= bool(np.allclose(got, want, rtol=1e-9, atol=1e-12) and (moments <= allowed).all())
        return Outcome(
            "torch.nn.BatchNorm1d and BatchNorm2d in training mode, "
            + (r"random $\gamma$ and $\beta$" if affine else r"$\gamma = 1$ and $\beta = 0$"),
            passed=ok,
            samples=count,
            max_abs_error=worst,
            tolerance="1e-9 against the NumPy reference; |gamma| eps/(2V) on the std",
        )

    return hook


def ema_oracle(claimed: Callable[..., tuple]) -> Callable[..., Outcome | None]:
    """Oracle: BatchNorm1d's running statistics after one batch against ``claimed(mean, var)``.

    PyTorch must also agree with the PyTorch convention of the NumPy
    reference; if not, convproof has a bug, and this raises.
    """

    @torch_hook
    def hook(torch, size: int, rng: np.random.Generator) -> Outcome:
        x = draw_batch(rng)
        _, mean, var = batch_norm_train(x)
        layer = _layer(torch, x)
        _run(torch, layer, x)
        got = (layer.running_mean.numpy(), layer.running_var.numpy())
        expected = PYTORCH.update((0, 1), mean, var, x.shape[0])
        if not np.allclose(got, expected, rtol=1e-9, atol=1e-12):
            raise RuntimeError(f"torch running stats {got} disagree with the PyTorch convention {expected}")
        cumulative = _layer(torch, x, momentum=None)
        _run(torch, cumulative, x)
        want = claimed(mean, var)
        passed = bool(np.allclose(got, want, rtol=1e-9, atol=1e-12))
        return Outcome(
            "running_mean and running_var of torch.nn.BatchNorm1d after one training batch",
            passed=passed,
            samples=int(x.shape[0]),
            max_abs_error=float(np.max(np.abs(np.stack(got) - np.stack(want)))),
            detail=(
                f"channel 0: PyTorch keeps ${tex_number(got[0][0])}$ and ${tex_number(got[1][0])}$ (the NumPy model "
                f"of PyTorch's convention agrees); with momentum None (a cumulative average) it keeps "
                f"${tex_number(cumulative.running_mean[0])}$ and ${tex_number(cumulative.running_var[0])}$; batch mean "
                f"${tex_number(mean[0])}$, biased variance ${tex_number(var[0])}$"
            ),
            counterexample=None if passed else first_channel(x, want, got, "torch.nn.BatchNorm1d"),
        )

    return hook


@torch_hook
def inference_oracle(torch, size: int, rng: np.random.Generator) -> Outcome:
    """Oracle: in eval mode BatchNorm1d treats each sample alone, as the NumPy inference does;
    in training mode a sample's output changes with its batch-mates."""
    count, alone_ok, dependent = _trials(size), True, True
    for _ in range(count):
        x = draw_batch(rng)
        layer = _layer(torch, x)
        _run(torch, layer, x)  # one training step fills the running statistics
        layer.eval()
        together = _run(torch, layer, x)
        first = min(3, len(x))  # a few samples alone: each torch call has a fixed cost
        alone = np.concatenate([_run(torch, layer, x[i : i + 1]) for i in range(first)])
        mean, var = layer.running_mean.numpy(), layer.running_var.numpy()
        alone_ok &= bool(np.allclose(together[:first], alone, rtol=0, atol=1e-12))
        alone_ok &= bool(np.allclose(together, batch_norm_infer(x, mean, var, eps=EPS), rtol=1e-12, atol=1e-12))
        layer.train()
        others = x.copy()
        others[1:] = rng.normal(2.0, 3.0, others[1:].shape)
        dependent &= not np.allclose(_run(torch, layer, x)[0], _run(torch, layer, others)[0])
    return Outcome(
        "torch.nn.BatchNorm1d in eval and train mode",
        passed=alone_ok and dependent,
        samples=count,
        detail=f"in eval mode a sample's output {'is the same' if alone_ok else 'differs'} alone, in its batch and "
        f"in the NumPy inference; in train mode it {'depends' if dependent else 'does not depend'} on the batch",
    )


@torch_hook
def single_sample_oracle(torch, size: int, rng: np.random.Generator) -> Outcome:
    """Oracle: BatchNorm1d refuses a training batch of one sample."""
    x = draw_batch(rng, batch=1)
    try:
        _run(torch, _layer(torch, x), x)
    except ValueError as exc:
        reason = str(exc).split(",")[0]
        detail = f"refused an input of shape ${tuple(x.shape)}$ with a ValueError: {reason}"
        return Outcome("torch.nn.BatchNorm1d in training mode on a batch of one sample", passed=True, detail=detail)
    detail = f"accepted an input of shape ${tuple(x.shape)}$"
    return Outcome("torch.nn.BatchNorm1d in training mode on a batch of one sample", passed=False, detail=detail)


@torch_hook
def single_image_oracle(torch, size: int, rng: np.random.Generator) -> Outcome:
    """Oracle: BatchNorm2d trains on a single image and matches the NumPy reference."""
    count, ok = _trials(size), True
    for _ in range(count):
        x = draw_batch(rng, spatial=True, batch=1)
        got = _run(torch, _layer(torch, x), x)
        ok &= bool(np.allclose(got, batch_norm_train(x, eps=EPS)[0], rtol=1e-9, atol=1e-12))
    return Outcome("torch.nn.BatchNorm2d in training mode with $N = 1$", passed=ok, samples=count)


def _listed(names) -> str:
    """Names as a sentence lists them: ``a, b and c``."""
    names = list(names)
    return "none" if not names else (names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}")


@torch_hook
def parameters_oracle(torch, size: int, rng: np.random.Generator) -> Outcome:
    """Oracle: gamma and beta are BatchNorm's only trainable parameters and a loss's
    gradient reaches them; the running statistics are buffers, not trained."""
    x = draw_batch(rng)
    layer = _layer(torch, x)
    names = sorted(name for name, _ in layer.named_parameters())
    buffers = sorted(name for name, _ in layer.named_buffers())
    target = torch.from_numpy(rng.standard_normal(x.shape))
    loss = ((layer(torch.from_numpy(x)) - target) ** 2).mean()
    loss.backward()
    reached = all(bool(p.grad.abs().max() > 0) for p in (layer.weight, layer.bias))
    passed = names == ["bias", "weight"] and reached
    return Outcome(
        "torch.nn.BatchNorm1d parameters and the gradient of a loss",
        passed=passed,
        detail=f"parameters {_listed(names)} ($\\gamma$ is weight, $\\beta$ is bias), "
        f"{'each with a non-zero gradient' if reached else 'not all with a non-zero gradient'}; "
        f"buffers {_listed(buffers)}",
    )
