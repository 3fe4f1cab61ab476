"""Q1(e): autoencoders.

Mostly prose, listed and not judged. Two statements can be checked on the
report's own vanilla autoencoder (one dense encoder layer, one dense decoder
layer) with identity activations, i.e. a linear autoencoder trained by
:func:`convproof.derivations.lib.autoencoder.fit_linear_autoencoder`:

- a smaller code (bottleneck) reconstructs with less detail: the trained
  error grows as the code shrinks;
- a reconstruction error above a threshold flags a test input that differs
  from the training data.

As an extension, Baldi & Hornik (1989): the optimum of a linear autoencoder
spans the top-k principal subspace, and its mean squared reconstruction error
is the sum of the discarded eigenvalues of the covariance.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import sympy as sp

from ..checks.sums import unroll
from ..checks.wording import tex_number
from ..claim import Claim
from ..lib.autoencoder import (
    anomaly_flags,
    data_with_spectrum,
    fit_linear_autoencoder,
    principal_subspace,
    subspace_distance,
)
from ..outcome import Counterexample, Outcome

TOPIC = "autoencoder"

SUBSPACE_TOL = 1e-6  # sine of the largest principal angle
ERROR_RTOL = 1e-9


def _random_spectrum(rng: np.random.Generator, d: int) -> np.ndarray:
    """Decreasing eigenvalues with ratios <= 0.7, so training converges quickly."""
    ratios = rng.uniform(0.2, 0.7, d - 1)
    return rng.uniform(5, 10) * np.concatenate([[1.0], np.cumprod(ratios)])


def _trials(size: int) -> int:
    return max(2, min(size // 200, 10))


def optimum_check(claimed_error: sp.Basic, eigen: sp.IndexedBase, k: sp.Symbol, d: sp.Symbol):
    """Hook: a trained linear autoencoder spans the top-k eigenvectors, and its mean squared
    error is ``claimed_error`` (in the eigenvalues ``eigen[1..d]``, largest first, and k, d)."""

    def claimed_value(values: np.ndarray, code: int) -> float:
        expr = unroll(claimed_error, {k: code, d: len(values)})
        return float(expr.subs({eigen[j + 1]: float(v) for j, v in enumerate(values)}))

    def hook(size: int, rng: np.random.Generator) -> Outcome:
        worst_angle, worst_error, bad = 0.0, 0.0, None
        count = _trials(size)
        for _ in range(count):
            dim = int(rng.integers(3, 9))
            code, n = int(rng.integers(1, dim)), int(rng.integers(dim + 2, 200))
            x = data_with_spectrum(rng, n, _random_spectrum(rng, dim), rng.uniform(-5, 5, dim))
            model = fit_linear_autoencoder(x, code, rng)
            values, vectors = principal_subspace(x, code)
            angle = subspace_distance(model.decoder, vectors)
            error, claimed = float(model.errors(x).mean()), claimed_value(values, code)
            relative = abs(error - claimed) / error
            worst_angle, worst_error = max(worst_angle, angle), max(worst_error, relative)
            if bad is None and (angle > SUBSPACE_TOL or relative > ERROR_RTOL):
                bad = Counterexample({"n": n, "d": dim, "k": code}, claimed, error, part="mean squared error")
        return Outcome(
            "linear autoencoders trained by alternating least squares against the eigendecomposition",
            passed=bad is None,
            samples=count,
            max_abs_error=worst_error,
            tolerance=f"relative error {ERROR_RTOL:g}; sine of the largest principal angle {SUBSPACE_TOL:g}",
            detail=f"largest sine of a principal angle ${tex_number(worst_angle, 2)}$, largest relative gap in "
            f"error ${tex_number(worst_error, 2)}$",
            counterexample=bad,
        )

    return hook


def bottleneck_check(size: int, rng: np.random.Generator) -> Outcome:
    """Hook: the trained reconstruction error strictly grows as the code shrinks (k = d-1 down to 1)."""
    count, bad, shown = min(_trials(size), 4), None, ""  # each data set trains d - 1 autoencoders
    for _ in range(count):
        d = int(rng.integers(3, 9))
        x = data_with_spectrum(rng, int(rng.integers(d + 2, 200)), _random_spectrum(rng, d))
        errors = [float(fit_linear_autoencoder(x, k, rng).errors(x).mean()) for k in range(1, d)]
        shown = ", ".join(f"${tex_number(e, 3)}$ at $k = {k}$" for k, e in enumerate(errors, start=1))
        if bad is None and not all(a > b for a, b in itertools.pairwise(errors)):
            bad = Counterexample({"d": d}, "decreasing", errors, part=r"error by code size $k = 1, 2, \ldots$")
    return Outcome(
        "linear autoencoders of every code size $k < d$, trained on the same data",
        passed=bad is None,
        samples=count,
        detail=f"on the last data set the mean squared error is {shown}",
        counterexample=bad,
    )


def _anomaly_setting(rng: np.random.Generator):
    """Training data close to a 2-D subspace of R^8, a trained 2-code autoencoder and its threshold."""
    spectrum = np.concatenate([[9.0, 4.0], np.full(6, 0.01)])
    x = data_with_spectrum(rng, 400, spectrum, rng.uniform(-5, 5, spectrum.size))
    train, test = x[:300], x[300:]
    model = fit_linear_autoencoder(train, 2, rng)
    threshold = float(model.errors(train).max())  # the largest error seen in training
    return train, test, model, threshold


def anomaly_demo_check(size: int, rng: np.random.Generator) -> Outcome:
    """Hook: inputs pushed off the learned subspace are flagged; fresh normal inputs mostly are not."""
    _, test, model, threshold = _anomaly_setting(rng)
    basis = np.linalg.qr(model.decoder, mode="complete")[0][:, 2:]  # orthogonal complement of the code space
    offsets = basis @ rng.standard_normal((basis.shape[1], len(test)))
    offsets *= 10 * np.sqrt(threshold) / np.linalg.norm(offsets, axis=0)
    anomalies = test + offsets.T
    flagged = anomaly_flags(model.errors(anomalies), threshold)
    false_alarms = anomaly_flags(model.errors(test), threshold)
    return Outcome(
        r"linear autoencoder with a 2-dimensional code in $\mathbb{R}^8$, its threshold the largest training error",
        passed=bool(flagged.all()),
        samples=len(test),
        detail=f"flagged {int(flagged.sum())} of {len(test)} inputs moved off the learned subspace; "
        f"{int(false_alarms.sum())} of {len(test)} fresh normal inputs flagged; threshold ${tex_number(threshold, 3)}$",
    )


def anomaly_in_subspace_check(size: int, rng: np.random.Generator) -> Outcome:
    """Hook: an input far from every training sample but inside the learned subspace, is it flagged?"""
    train, _, model, threshold = _anomaly_setting(rng)
    radius = float(np.linalg.norm(train - model.mean, axis=1).max())
    direction = model.decoder[:, 0] / np.linalg.norm(model.decoder[:, 0])
    novel = model.mean + 10 * radius * direction
    nearest = float(np.linalg.norm(train - novel, axis=1).min())
    error = float(model.errors(novel)[0])
    flagged = bool(anomaly_flags([error], threshold)[0])
    found = None
    if not flagged:
        found = Counterexample(
            {},
            claimed=f"more than the threshold {threshold:.4g}",
            reference=error,
            part=f"the reconstruction error of an input {nearest:.3g} away from every training sample "
            f"(training radius {radius:.3g})",
        )
    return Outcome(
        "linear autoencoder, an input 10 times beyond the training radius along a learned direction",
        passed=flagged,
        samples=1,
        detail=f"distance to the nearest training sample ${tex_number(nearest, 3)}$ (training radius "
        f"${tex_number(radius, 3)}$); reconstruction error ${tex_number(error, 2)}$ against the threshold "
        f"${tex_number(threshold, 3)}$: {'flagged' if flagged else 'not flagged'}",
        counterexample=found,
    )


def claims() -> tuple[Claim, ...]:
    """Every Q1(e) claim."""
    eigen = sp.IndexedBase(r"\lambda")
    i, k, d = sp.symbols("i k d", integer=True, positive=True)
    error = sp.Symbol(r"\mathrm{MSE}_k")
    discarded = sp.Sum(eigen[i], (i, k + 1, d))
    out = [
        Claim(
            id="autoencoder.bottleneck_less_detail",
            where="Q1(e)",
            source="فیچرهای کمتری دسترسی دارد و تصاویری که میسازد با جزئیات کمتری خواهند بود",
            checks=(("sampled", bottleneck_check),),
            note=(
                "The smaller the bottleneck (code), the less detail the decoder can rebuild: shown for the optimal "
                "linear autoencoder, whose reconstruction error strictly grows as the code shrinks (for data with "
                "distinct, positive eigenvalues)."
            ),
        ),
        Claim(
            id="autoencoder.anomaly_threshold",
            where="Q1(e)",
            source="اگر داده تست با دادههایی که در training set وجود دارد و دیده است متفاوت باشد، error در خروجی از یک مقدار thresholdی بیشتر میشود که میفهمیم تصاویر با هم متفاوت هستند",
            checks=(("sampled", anomaly_in_subspace_check),),
            conventions=(
                (
                    "the test input differs from the training data off the learned subspace (in a direction the "
                    "code cannot represent)",
                    anomaly_demo_check,
                ),
            ),
            note=(
                "If a test input differs from the training data, its reconstruction error exceeds a threshold and it "
                "is flagged. Read as stated, for every input that differs; checked on the report's vanilla "
                "autoencoder with identity activations (a linear autoencoder) trained on data near a 2-D subspace, "
                "with the largest training error as the threshold: for an input far from all training data but "
                "inside the learned subspace, and for inputs moved off that subspace."
            ),
        ),
        Claim(
            id="autoencoder.linear_pca_optimum",
            where="Q1(e), generalised",
            source=None,
            extension=True,
            statement=sp.Eq(error, discarded, evaluate=False),
            checks=(("sampled", optimum_check(discarded, eigen, k, d)),),
            note=(
                "Baldi & Hornik (1989): a linear autoencoder with a $k$-dimensional code, at its optimum, spans the "
                "top-$k$ principal subspace, and its mean squared reconstruction error is the sum of the discarded "
                "eigenvalues of the covariance (normalised by $1/n$)."
            ),
        ),
    ]
    out.extend(_prose_claims())
    return tuple(replace(claim, question="Q1", part="e") for claim in out)


def _prose_claims() -> list[Claim]:
    sentences = (
        (
            "autoencoder.prose_vanilla_one_layer",
            "سادهترین نوع autoencoderها، وانیلی سادهها هستند که از یک لایه در انکودر و دیکودرشان تشکیل شدهاند",
            "Vanilla autoencoders have one layer in the encoder and one in the decoder.",
        ),
        (
            "autoencoder.prose_fewer_neurons",
            "سپس یک لایه انکودر که تعداد نرونهای آن معمولاً از لایه ورودی کمتر است تا تصاویر را به ابعاد کوچکتر و فشردهتری برسد",
            "The encoder layer usually has fewer neurons than the input, compressing the image.",
        ),
        (
            "autoencoder.prose_dense_layers",
            "لایهها fully-connected(dense) هستند",
            "The layers of a vanilla autoencoder are fully connected.",
        ),
        (
            "autoencoder.prose_ideal_identity",
            "مقادیر لایههای ورودی و خروجی در حالت ایدهآل یکسان هستند",
            "Ideally the output equals the input.",
        ),
        (
            "autoencoder.prose_convolutional",
            "Convolutional Autoencoder ها به جای لایههای dense از لایههایی با ساختار کانولوشنی تشکیل شدهاند که در پردازش تصاویر بسیار کاربرد دارند",
            "Convolutional autoencoders use convolutional layers instead of dense ones.",
        ),
        (
            "autoencoder.prose_three_parts",
            "autoencoder ها ساختاری از شبکههای عصبی هستند که شامل یک بخش encoder، یک بخش bottleneck و یک بخش decoder هستند",
            "An autoencoder has an encoder, a bottleneck and a decoder.",
        ),
        (
            "autoencoder.prose_encoder_features",
            "این بخش در واقع همان قسمت feature extraction است",
            "The encoder is the feature-extraction part.",
        ),
        (
            "autoencoder.prose_bottleneck_code",
            "به این قسمت code نیز میگویند",
            "The bottleneck is also called the code.",
        ),
        (
            "autoencoder.prose_decoder_images",
            "این بخش همان بخشی است که فیچرها به تصویر تبدیل میشوند",
            "The decoder turns features back into an image.",
        ),
        (
            "autoencoder.prose_storage",
            "در قدم اول چون ابعاد تصاویر کمتر میشوند، فضای کمتری را برای ذخیره درگیر میکنند",
            "Codes are smaller than images, so they take less storage.",
        ),
        (
            "autoencoder.prose_denoising",
            "یکی از کاربردهای فراوان آنها این است که میتوانند تصاویر را به صورت غیر نویزی بازسازی کنند (denoising)",
            "Autoencoders can reconstruct images without noise (denoising).",
        ),
        (
            "autoencoder.prose_gan",
            "با ادغام این نوع ساختارهای شبکهای با شبکههای GAN، میتوانند تصاویر جدیدی تولید کنند",
            "Combined with GANs they can generate new images.",
        ),
        (
            "autoencoder.prose_transfer_learning",
            "همچنین این قابلیت را دارند که به عنوان بخشی از شبکه transfer learning استفاده شوند",
            "They can serve as part of a transfer-learning network.",
        ),
    )
    return [Claim(id=cid, where="Q1(e)", source=text, prose=summary) for cid, text, summary in sentences]
