"""Q1(d): batch normalization.

The report's formula X_i = (X_i - Mean_i)/StdDev_i is parsed from its LaTeX
and applied to a symbolic mini-batch x_1, x_2 (the symbolic and sampled
tiers), and to a batch of any size n by the ``IndexedBase`` proof of
:mod:`convproof.derivations.claims.batchnorm.hooks`. The running statistics are judged
against PyTorch's convention (momentum 0.1 on the new value, running stats
start at 0 and 1, unbiased running variance) and Keras's (momentum 0.99 on
the old value, biased variance), both from :mod:`convproof.derivations.lib.batchnorm`;
PyTorch's BatchNorm1d/2d is the oracle (:mod:`convproof.derivations.claims.batchnorm.oracle`).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import sympy as sp

from ...checks.wording import tex_assignments, tex_name, tex_value
from ...claim import Claim, reals
from ...lib.batchnorm import KERAS, PYTORCH, PYTORCH_CUMULATIVE, batch_mean, batch_variance
from ...outcome import Outcome
from . import hooks as checks
from . import oracle
from .batch import BATCH, DOMAIN
from .standardise import FORMULA_NAMES, MEAN, STD, X, formula_claim, formula_moments

__all__ = ["FORMULA_NAMES", "MEAN", "STD", "X", "claims", "formula_moments"]

TOPIC = "batchnorm"

gamma, beta = sp.symbols("gamma beta", real=True)


def _standardised(values) -> list[sp.Basic]:
    """Our own standardisation of the batch, not the report's formula."""
    mean, std = batch_mean(values), sp.sqrt(batch_variance(values))
    return [(v - mean) / std for v in values]


def _scale_shift_claim() -> Claim:
    shifted = [gamma * z + beta for z in _standardised(BATCH)]
    moments = sp.Tuple(batch_mean(shifted), sp.sqrt(batch_variance(shifted)))
    statement = sp.Tuple(beta, sp.Abs(gamma))
    return Claim(
        id="batchnorm.scale_shift",
        where="Q1(d)",
        source="اینجاست که  $\\gamma$  و  $\\beta$  وارد میشوند تا این میانگین و واریانس را در training به بهترین شکل دریاورند",
        statement=statement,
        claimed=((r"(mean, std) after $\gamma$ and $\beta$", statement),),
        reference=moments,
        lhs=r"(\mathrm{mean}, \mathrm{std})",
        domain={**DOMAIN, gamma: reals(-3, 3), beta: reals(-3, 3)},
        checks=(("sampled", checks.normalised_moments_check(lambda b: b, abs, affine=True)),),
        oracle=oracle.moments_oracle(affine=True),
        derivation=((r"$y_j = \gamma z_j + \beta$ on the standardised batch", sp.Tuple(*shifted)),),
        note=(
            r"After $y = \gamma \hat{x} + \beta$, $\gamma$ and $\beta$ set the new mean and spread: mean $\beta$ and "
            r"standard deviation $|\gamma|$ (variance $\gamma^2$), read from the report's words, which give no "
            r"formula (its figure is missing). $\gamma$ may be negative."
        ),
    )


def _per_feature_claim() -> Claim:
    return Claim(
        id="batchnorm.per_feature_minibatch",
        where="Q1(d)",
        source="در ابتدا برای هر mini-batch میانگین و واریانس هر فیچر (که در اینجا همان خروجی های activation function هستند) محاسبه میشود",
        statement=sp.Tuple(0, 1),
        checks=(("sampled", checks.normalised_moments_check(lambda b: 0 * b, lambda g: 0 * g + 1, affine=False)),),
        oracle=oracle.moments_oracle(affine=False),
        note=(
            "Per feature (per channel of a conv layer, over $N$, $H$ and $W$) and per mini-batch, batch norm "
            r"computes the mean and variance and normalises: mean 0 and variance 1 up to $\varepsilon$ (variance "
            r"$V/(V + \varepsilon)$ for a batch variance $V$)."
        ),
    )


def _ema_claim() -> Claim:
    mean, var = batch_mean(BATCH), batch_variance(BATCH)
    claimed = sp.Tuple(mean, var)
    first = PYTORCH.update((PYTORCH.initial_mean, PYTORCH.initial_variance), mean, var, len(BATCH))
    return Claim(
        id="batchnorm.ema_initial_values",
        where="Q1(d)",
        source="طبیعتاً مقادیر اولیه آن همان میانگین و واریانس mini-batch است",
        statement=claimed,
        claimed=(("(running mean, running variance) after the first mini-batch", claimed),),
        reference=sp.Tuple(*first),
        lhs=r"(\hat{\mu}_1, \hat{\sigma}^2_1)",
        domain=dict(DOMAIN),
        checks=(("sampled", checks.ema_convention_check(KERAS, lambda m, v: (m, v))),),
        oracle=oracle.ema_oracle(lambda m, v: (m, v)),
        conventions=(
            (
                PYTORCH_CUMULATIVE.name + ", the variance read as the unbiased one it stores",
                checks.ema_convention_check(PYTORCH_CUMULATIVE, lambda m, v: (m, v), unbiased=True),
            ),
        ),
        derivation=(
            (r"PyTorch: start $(0, 1)$, then $r \leftarrow 0.9\,r + 0.1\,b$, unbiased variance", sp.Tuple(*first)),
            (
                r"Keras: start $(0, 1)$, then $r \leftarrow 0.99\,r + 0.01\,b$, biased variance",
                sp.Tuple(*KERAS.update((0, 1), mean, var, len(BATCH))),
            ),
        ),
        note=(
            "The report says the moving averages start from the first mini-batch's mean and variance, i.e. after "
            "the first batch they equal it. Both frameworks start them at mean 0 and variance 1 and move them a "
            "fraction towards each batch. The batch variance is read as biased; the difference to the unbiased one "
            "does not decide anything here."
        ),
    )


def _inference_claims() -> list[Claim]:
    return [
        Claim(
            id="batchnorm.inference_running_stats",
            where="Q1(d)",
            source="در مرحله تست که ما فقط یک داده و نه یک بچ از داده را داریم، از این مقادیر برای نرمالایز کردن استفاده میکنیم",
            checks=(("sampled", checks.inference_check),),
            oracle=oracle.inference_oracle,
            note=(
                "At test time the running averages replace the batch statistics, so each sample is normalised on "
                "its own: its output is the same alone or in any batch, while in training it depends on the batch."
            ),
        ),
        Claim(
            id="batchnorm.single_sample_no_statistics",
            where="Q1(d)",
            source="چون دیگر فقط یک داده است و نمیتوان میانگین یا واریانس حساب کرد",
            checks=(("symbolic", checks.single_sample_proof),),
            oracle=oracle.single_sample_oracle,
            note=(
                "With one sample per feature the batch statistics are degenerate (variance 0): the formula gives "
                r"$0/0$, and with $\varepsilon$ every input maps to $\beta$. Read for features of a dense layer, as the report's "
                "section describes; see batchnorm.single_image_statistics for convolutional feature maps."
            ),
        ),
        Claim(
            id="batchnorm.single_image_statistics",
            where="Q1(d), generalised",
            source=None,
            extension=True,
            checks=(("sampled", checks.single_image_check),),
            oracle=oracle.single_image_oracle,
            note=(
                r"For a convolutional layer one image still has $H \times W$ values per channel, so BatchNorm2d can "
                "compute (non-degenerate) batch statistics for $N = 1$; running statistics at test time are then about making "
                "the output independent of the batch, not about impossibility."
            ),
        ),
    ]


def _learned_parameters(size: int, rng: np.random.Generator) -> Outcome:
    """Hook: the loss reaches gamma and beta, so training moves them.

    A derivative that is non-zero at one point is not identically zero: for
    each parameter a witness point is drawn at random (exact rationals).
    """
    targets = sp.symbols("t_1:3", real=True)
    outputs = [gamma * z + beta for z in _standardised(BATCH)]
    loss = sp.Add(*((y - t) ** 2 for y, t in zip(outputs, targets, strict=True)))
    names = [*BATCH, *targets, gamma, beta]
    witnesses = {}
    for parameter in (gamma, beta):
        derivative = sp.diff(loss, parameter)
        for _ in range(8):
            point = {s: sp.Rational(int(rng.integers(-9, 10)), int(rng.integers(1, 5))) for s in names}
            point[BATCH[1]] = point[BATCH[0]] + 1  # a batch with a non-zero variance
            value = derivative.subs(point)
            if value != 0:
                witnesses[parameter.name] = (value, point)
                break
    shown = "; ".join(
        rf"$\partial L / \partial {tex_name(name)} = {tex_value(value)}$ at ${tex_assignments(point.items())}$"
        for name, (value, point) in witnesses.items()
    )
    return Outcome(
        "symbolic gradient of a squared loss through batch norm, non-zero at a witness point",
        passed=len(witnesses) == 2,
        detail=shown or "no witness point found",
    )


def claims() -> tuple[Claim, ...]:
    """Every Q1(d) claim."""
    out = [formula_claim(), _per_feature_claim(), _scale_shift_claim(), _ema_claim(), *_inference_claims()]
    out.append(
        Claim(
            id="batchnorm.parameters_learned",
            where="Q1(d)",
            source="$\\beta$  و  $\\gamma$  در اثر training یافت میشوند",
            checks=(("symbolic", _learned_parameters),),
            oracle=oracle.parameters_oracle,
            note=r"$\gamma$ and $\beta$ are learned by training (gradient descent); the running statistics are not.",
        )
    )
    out.extend(_prose_claims())
    # every claim here is about Q1(d) (one extension generalises it)
    return tuple(replace(claim, question="Q1", part="d") for claim in out)


def _prose_claims() -> list[Claim]:
    sentences = (
        (
            "batchnorm.prose_ema_alpha",
            "مقدار  $\\alpha$  کنترل میکند که مقادیر قبلی تا چه میزان تاثیر داشته باشند",
            r"$\alpha$ sets how much the previous running values weigh: Keras's momentum (0.99); "
            r"in PyTorch's terms $\alpha$ is one minus the momentum ($1 - 0.1 = 0.9$).",
        ),
        (
            "batchnorm.prose_between_hidden_layers",
            "پس batch norm layer بین دو لایه مخفی قرار میگیرند تا خروجی نرونهای لایه را قبل از ورود به نرونهای لایه بعد نرمالایز کند",
            "A batch-norm layer sits between two hidden layers and normalises the outputs of one before the next.",
        ),
        (
            "batchnorm.prose_layers_differ",
            "لایههای بچ نرم بین لایههای مخفی مختلف لزوماً یکی نیستند و میتوانند پارامترهای مختلفی داشته باشند",
            "Each batch-norm layer has its own parameters.",
        ),
        (
            "batchnorm.prose_before_activation",
            "گاهی لایه بیج نرم قبل از activation function نیز اعمال میشود",
            "Batch norm is sometimes applied before the activation function.",
        ),
    )
    return [Claim(id=cid, where="Q1(d)", source=text, prose=summary) for cid, text, summary in sentences]
