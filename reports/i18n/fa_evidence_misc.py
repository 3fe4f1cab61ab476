"""Persian evidence of the Q1(e), Q2, Q3 and Q4 checks: autoencoders, receptive fields, the layer table, gradients."""

from __future__ import annotations

from .fa_evidence_terms import table

__all__ = ["PATTERNS"]

PATTERNS = table(
    # derivations/claims/autoencoder.py
    (
        "linear autoencoders trained by alternating least squares against the eigendecomposition",
        "خودرمزگذارهای خطی آموزش‌دیده با کمترین مربعات متناوب، در برابر تجزیه‌ی ویژه",
    ),
    (
        "largest sine of a principal angle (?P<sine>MATH), largest relative gap in error (?P<gap>MATH)",
        "بزرگ‌ترین سینوس زاویه‌های اصلی <sine> و بزرگ‌ترین اختلاف نسبی خطا <gap>",
    ),
    (
        r"linear autoencoders of every code size (?P<k>MATH), trained on the same data",
        "خودرمزگذارهای خطی با هر اندازه‌ی کد <k>، آموزش‌دیده روی داده‌های یکسان",
    ),
    (
        "on the last data set the mean squared error is (?P<l_errors>.+)",
        "در آخرین مجموعه‌داده، میانگین مربعات خطا <l_errors> است",
    ),
    (
        r"linear autoencoder, an input (?P<n>\d+) times beyond the training radius along a learned direction",
        "خودرمزگذار خطی، ورودی‌ای <n> برابر دورتر از شعاع داده‌های آموزش در راستای یک جهت آموخته‌شده",
    ),
    (
        r"distance to the nearest training sample (?P<distance>MATH) \(training radius (?P<radius>MATH)\)",
        "فاصله تا نزدیک‌ترین نمونه‌ی آموزشی <distance> (شعاع داده‌های آموزش <radius>)",
    ),
    (
        "reconstruction error (?P<error>MATH) against the threshold (?P<threshold>MATH): (?P<t_flagged>flagged|not flagged)",
        "خطای بازسازی <error> در برابر آستانه‌ی <threshold>: <t_flagged>",
    ),
    (
        r"linear autoencoder with a (?P<n>\d+)-dimensional code in (?P<space>MATH), its threshold the largest "
        "training error",
        "خودرمزگذار خطی با کد <n>بعدی در <space>، با آستانه‌ای برابر بزرگ‌ترین خطای آموزش",
    ),
    (
        r"flagged (?P<k>\d+) of (?P<n>\d+) inputs moved off the learned subspace",
        "<k> ورودی از <n> ورودیِ بیرون‌برده‌شده از زیرفضای آموخته‌شده ناهنجار شناخته شد",
    ),
    (r"(?P<k>\d+) of (?P<n>\d+) fresh normal inputs flagged", "<k> ورودی از <n> ورودی عادی تازه ناهنجار شناخته شد"),
    ("threshold (?P<threshold>MATH)", "آستانه <threshold>"),
    # derivations/claims/cnn_table/witness.py
    ("PyTorch: the same network on a dummy input", "PyTorch: همان شبکه روی یک ورودی ساختگی"),
    # derivations/claims/conv_grads/hooks.py and general.py
    (
        r"the symbols \$L\$ depends on, less the input \$u\$ and the target \$y\$",
        "نمادهایی که $L$ به آن‌ها وابسته است، به جز ورودی $u$ و هدف $y$",
    ),
    ("not parameters: (?P<t_names>MATH|none)", "پارامتر نیستند: <t_names>"),
    ("missing: (?P<t_names>MATH|none)", "جاافتاده‌ها: <t_names>"),
    (
        "central differences of the simulated network, (?P<h>MATH), every kink farther than (?P<margin>MATH)",
        "تفاضل‌های متناهی مرکزی روی شبکه‌ی شبیه‌سازی‌شده، <h>، با فاصله‌ی بیش از <margin> از هر نقطه‌ی شکست",
    ),
    (
        r"kink-aware: at and near ties, between the one-sided differences \((?P<h>MATH)\)",
        "با درنظرگرفتن نقطه‌های شکست: در تساوی‌ها و نزدیک آن‌ها، میان تفاضل‌های متناهی یک‌طرفه (<h>)",
    ),
    (
        r"PyTorch autograd in float64 through conv1d, max_pool1d \(size 2, stride 1\) and relu",
        "مشتق‌گیری خودکار (autograd) در PyTorch با float64 از میان conv1d، max_pool1d (اندازه‌ی 2، گام 1) و relu",
    ),
    ("unrolled, exact", "بازشده، دقیق"),
    ("unrolled exactly for every size up to (?P<n>MATH)", "بازشده و دقیق برای هر اندازه تا <n>"),
    (
        "PyTorch's conv1d autograd in float64, every size up to (?P<n>MATH)",
        "مشتق‌گیری خودکار (autograd) تابع conv1d در PyTorch با float64، برای هر اندازه تا <n>",
    ),
    (
        r"NumPy's conv1d_param_grads \(sliding windows\), every size up to (?P<n>MATH)",
        "تابع conv1d_param_grads در NumPy (پنجره‌های لغزان)، برای هر اندازه تا <n>",
    ),
    # derivations/claims/dilated.py (an alternative derivation, named in "reference agrees with ...")
    (
        "SymPy's rsolve of the stack recurrence with (?P<start>MATH)",
        "حل رابطه‌ی بازگشتی پشته با rsolve در SymPy و شرط آغازین <start>",
    ),
)
