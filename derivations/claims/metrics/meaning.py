"""Q1(a): what the report says NRMSE and RRMSE mean, checked on random datasets.

A normalised RMSE must not depend on the unit of the data (the report uses it
for goods in different price ranges). RRMSE, the report says, is the error
relative to the mean of the predictions, a percentage read through quality
bands, with an example: average monthly sales of $10,000 and RRMSE 10 % mean
an error of $1,000. Each statement is checked on the report's formula as
written (:func:`convproof.derivations.lib.metrics.rrmse_rows`) by :mod:`convproof.derivations.claims.metrics.hooks`.
"""

from __future__ import annotations

import functools

import sympy as sp

from ...claim import Claim
from ...lib.metrics import NORMALIZERS, normaliser_rows, rmse_rows, rrmse_rows
from . import hooks as checks
from .nrmse import nrmse_formula_claim
from .sums import MAX_N

__all__ = ["nrmse_claims", "rrmse_meaning_claims"]

_NRMSE_ITEMS = {
    "mean": "میانگین",
    "max": "ماکسیمم مقدار از میان مقادیر واقعی",
    "range": "تفاضل ماکسیمم و مینیمم مقادیر از میان مقادیر واقعی",
    "std": "انحراف معیار standard deviation",
    "iqr": "دامنه بین چارکی interquartile range",
}
_SCALES = (
    "از این مقیاس زمانی استفاده میکنیم که بخواهیم مدلمان را بر دیتاستی که رنج وسیعی از scaleهای مختلف دارد، تست کنیم."
)


def _nrmse(name: str):
    return lambda y, p: rmse_rows(y, p) / normaliser_rows(y, name)


def nrmse_claims() -> list[Claim]:
    """One claim per normaliser of the report's list, and one for its use across scales.

    >>> [c.id for c in nrmse_claims()][-2:]
    ['metrics.nrmse_iqr', 'metrics.nrmse_scales']
    """
    sizes = range(2, MAX_N + 1)
    out = [
        Claim(
            id=f"metrics.nrmse_{name}",
            where="Q1(a), NRMSE list",
            source=text,
            statement=sp.Eq(
                sp.Symbol(r"\text{NRMSE}"),
                sp.Symbol(r"\text{RMSE}") / sp.Symbol(rf"\text{{{name}}}(y)"),
                evaluate=False,
            ),
            checks=(
                (
                    "sampled",
                    checks.batch_check(
                        rf"NRMSE $= \text{{RMSE}} / \text{{{name}}}(y)$ unchanged when the data is rescaled by "
                        r"$c \in [10^{-3}, 10^{3}]$",
                        sizes,
                        checks.scale_trial(_nrmse(name)),
                    ),
                ),
            ),
            note=(
                f"RMSE divided by the {name} of the true values (std with ddof=0, NumPy's linear percentiles); "
                "dividing must remove the scale of the data. Prices are positive: for data of either sign the mean "
                "or the maximum can be 0 or negative, and the ratio is then no error measure."
            ),
            # another report may write this normaliser's NRMSE as a formula: the same quantity
            reread=functools.partial(nrmse_formula_claim, name),
        )
        for name, text in _NRMSE_ITEMS.items()
    ]
    out.append(
        Claim(
            id="metrics.nrmse_scales",
            where="Q1(a), NRMSE",
            source=_SCALES,
            checks=(
                (
                    "sampled",
                    checks.batch_check(
                        f"RMSE scales with $c$, NRMSE by any of its {len(NORMALIZERS)} normalisers does not, "
                        r"$c \in [10^{-3}, 10^{3}]$",
                        sizes,
                        checks.scale_contrast_trial,
                    ),
                ),
            ),
            note="Goods in different price ranges are the same data in different units: NRMSE must not see the unit.",
        )
    )
    return out


_MEANING = (
    "در واقع در این مقیاس MSE را نسبت به میانگین دادههای پیشبینی شده محاسبه میکنیم. "
    "در واقع بیان میکنیم که مدل ما نسبت به میانگین چقدر دقیق است."
)
_PERCENT = "میتوان خروجی را به صورت درصد بیان کرد"
_BANDS = {
    "excellent": "کمتر از ۱۰٪ باشد: مدل عالی عمل میکند.",
    "good": "بین ۱۰ و ۲۰٪ باشد: مدل عملکرد خوبی دارد.",
    "fair": "بین ۲۰ تا ۳۰٪ باشد: مدل عملکرد متوسطی دارد.",
    "poor": "بیش از ۳۰٪ باشد: مدل عملکرد ضعیفی دارد.",
}
_SALES = (
    "با فرض اینکه این فروشگاه ماهانه به طور متوسط دههزار دلار فروش داشته باشد، "
    "اگر RRMSE آن ۱۰٪ باشد، یعنی هزار دلار خطا وجود دارد."
)
_PRODUCTS = (
    "فرض کنیم که هر دو محصول RRMSE یکسانی دارند اما میانگین میزان فروش آنها متفاوت است. "
    "این به این معنی است که مدل برای پیشبینی فروش یکی از آنها خطای بیشتری دارد."
)


def rrmse_meaning_claims() -> list[Claim]:
    """What the report says RRMSE means: relative to the mean, a percentage, four bands, two examples.

    >>> len(rrmse_meaning_claims())
    8
    """
    sizes = range(1, MAX_N + 1)
    where = "Q1(a), RRMSE"
    return [
        Claim(
            id="metrics.rrmse_relative_to_mean",
            where=where,
            source=_MEANING,
            checks=(
                (
                    "sampled",
                    checks.batch_check(
                        r"the report's RRMSE against $\text{RMSE} / \operatorname{mean}(\hat{y})$",
                        sizes,
                        checks.agreement_trial(rrmse_rows, checks.mean_relative),
                    ),
                ),
                (
                    "sampled",
                    checks.batch_check(
                        "the report's RRMSE of the dataset repeated $r = 2, 3, 4$ times against its value once",
                        sizes,
                        checks.repetition_trial(rrmse_rows),
                    ),
                ),
            ),
            note=(
                r"An error relative to the mean of the predictions is $\text{RMSE} / \operatorname{mean}(\hat{y})$ "
                "(the report writes MSE, but its formula takes a square root). Such a ratio is unchanged when the "
                "whole dataset is repeated, since neither a mean nor the RMSE changes."
            ),
        ),
        Claim(
            id="metrics.rrmse_percentage",
            where=where,
            source=_PERCENT,
            checks=(
                (
                    "sampled",
                    checks.batch_check(
                        r"the report's RRMSE unchanged when the data is rescaled by $c \in [10^{-3}, 10^{3}]$ "
                        "(a pure number)",
                        sizes,
                        checks.scale_trial(rrmse_rows),
                    ),
                ),
            ),
            note="A percentage is a pure number: it must not change with the unit of the data (dollars or cents).",
        ),
        *(
            Claim(
                id=f"metrics.rrmse_band_{name}",
                where=f"{where}, bands",
                source=text,
                checks=(("sampled", checks.band_check(text)),),
                note=(
                    "The band rule applied to the report's RRMSE: a dataset it puts in the band must have its "
                    "error relative to the mean of the predictions in the same band (the bands of Despotovic et "
                    "al. 2016)."
                ),
            )
            for name, text in _BANDS.items()
        ),
        Claim(
            id="metrics.rrmse_sales_example",
            where=f"{where}, example",
            source=_SALES,
            checks=(
                (
                    "sampled",
                    checks.batch_check(
                        r"$n = 2, \dots, 24$ months with mean sales $10{,}000$, mean prediction $10{,}000$ "
                        r"and RMSE $1{,}000$",
                        range(2, 25),
                        checks.sales_example_trial(rrmse_rows),
                        prefer=12,
                    ),
                ),
            ),
            note=(
                "Monthly sales averaging 10,000 dollars with an RMSE of 1,000 dollars should give 10 %. Both the "
                "true and the predicted sales average 10,000, so the mean of either may be meant; the "
                "counterexample shown is the failing dataset closest to a year of months."
            ),
        ),
        Claim(
            id="metrics.rrmse_two_products",
            where=f"{where}, example",
            source=_PRODUCTS,
            checks=(
                (
                    "sampled",
                    checks.batch_check(
                        "two products ($1$ to $12$ months of sales each) with equal RRMSE by the report's formula: "
                        "does the one with larger sales have the larger RMSE?",
                        range(1, MAX_N + 1),
                        checks.two_products_trial(rrmse_rows),
                    ),
                ),
            ),
            note=(
                "Read as: with equal RRMSE the product that sells more on average has the larger error (the "
                "error being RRMSE times the mean). Sales are compared by their mean prediction, the mean the "
                "report says RRMSE is relative to; the report's formula is used for RRMSE."
            ),
        ),
    ]
