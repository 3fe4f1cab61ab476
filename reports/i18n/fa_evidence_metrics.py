"""Persian evidence of the Q1(a) checks: the metrics' formulas for every n and what the report says they mean."""

from __future__ import annotations

from .fa_evidence_terms import table

__all__ = ["PATTERNS"]

PATTERNS = table(
    # derivations/claims/metrics/sums.py and __init__.py
    (
        "SymPy simplifies the difference to \\$0\\$ for symbolic \\$n\\$",
        "SymPy تفاضل را برای $n$ نمادین به $0$ ساده می‌کند",
    ),
    ("SymPy simplification of the difference for symbolic \\$n\\$", "ساده‌سازی تفاضل با SymPy برای $n$ نمادین"),
    ("undecided", "تصمیم‌ناپذیر"),
    ("exact evaluation on rational data", "ارزیابی دقیق روی داده‌های گویا"),
    (
        "claimed (?P<got>MATH), reference (?P<want>MATH) at (?P<n>MATH), (?P<data>MATH)",
        "مقدار ادعا <got> و مقدار مرجع <want> به ازای <n> و <data>",
    ),
    ("differs at (?P<m_at>MATH(?:, MATH)*)", "به ازای <m_at> متفاوت است"),
    ("lambdify of the sums, (?P<n>MATH)", "lambdify مجموع‌ها، <n>"),
    # derivations/claims/metrics/nrmse.py (another report's NRMSE formula)
    (
        "exact evaluation on small datasets, the statistics computed from them",
        "ارزیابی دقیق روی مجموعه‌داده‌های کوچک، با آماره‌های محاسبه‌شده از خود آن‌ها",
    ),
    (
        "SymPy simplifies the difference to \\$0\\$, the statistics as symbols",
        "SymPy تفاضل را به $0$ ساده می‌کند، با آماره‌ها به‌صورت نماد",
    ),
    ("SymPy simplification of the difference", "ساده‌سازی تفاضل با SymPy"),
    (
        "claimed (?P<got>MATH), reference (?P<want>MATH) at (?P<n>MATH)",
        "مقدار ادعا <got> و مقدار مرجع <want> به ازای <n>",
    ),
    (
        "lambdify of the formula against (?P<r>MATH) \\(NumPy\\), (?P<n>MATH)",
        "lambdify فرمول در برابر <r> (NumPy)، <n>",
    ),
    ("NumPy helper of the reference, (?P<n>MATH)", "تابع کمکی NumPy برای مرجع، <n>"),
    ("PyTorch's mse_loss in float64, (?P<n>MATH)", "تابع mse_loss در PyTorch با float64، <n>"),
    # derivations/claims/batchnorm/__init__.py (another report's formula with an epsilon)
    (r"the formula with \$\\epsilon = 0\$ on the symbolic batch", r"فرمول با $\epsilon = 0$ روی دسته‌ی نمادین"),
    ("mean (?P<m>MATH), biased variance (?P<v>MATH)", "میانگین <m> و واریانس اریب <v>"),
    # derivations/claims/dropout/scaling.py (another report's formula of dropout's output)
    ("kept and dropped units, exactly", "واحدهای نگه‌داشته و حذف‌شده، به‌طور دقیق"),
    ("the original paper's training output, exactly", "خروجی آموزش در مقاله‌ی اصلی، به‌طور دقیق"),
    (
        "claimed (?P<got>MATH), reference (?P<want>MATH) at (?P<at>MATH)",
        "مقدار ادعا <got> و مقدار مرجع <want> به ازای <at>",
    ),
    # derivations/claims/metrics/iqr.py
    ("exact, for every \\$n\\$", "دقیق، برای هر $n$"),
    (
        "exact for every (?P<n>MATH): NumPy's linear quartiles against the rise over the middle half",
        "دقیق برای هر <n>: چارک‌های خطی NumPy در برابر افزایش مقدار در نیمه‌ی میانی داده‌ها",
    ),
    # derivations/claims/metrics/hooks.py
    ("no dataset the statement speaks about", "هیچ مجموعه‌داده‌ای که جمله درباره‌ی آن باشد پیدا نشد"),
    (r"holds on all (?P<n>\d+) datasets it concerns", "روی هر <n> مجموعه‌داده‌ی مربوط برقرار است"),
    (
        r"fails for (?P<k>\d+) of (?P<n>\d+) sizes, e\.g\. (?P<at>MATH)",
        "برای <k> اندازه از <n> اندازه نادرست است، مثلاً <at>",
    ),
    (
        r"datasets whose RRMSE is below (?P<p>\d+)%: is (?P<ratio>MATH) there too\?",
        "مجموعه‌داده‌هایی که RRMSE آن‌ها کمتر از <p>٪ است: آیا <ratio> هم در همین بازه است؟",
    ),
    (
        r"datasets whose RRMSE is at least (?P<p>\d+)%: is (?P<ratio>MATH) there too\?",
        "مجموعه‌داده‌هایی که RRMSE آن‌ها دست‌کم <p>٪ است: آیا <ratio> هم در همین بازه است؟",
    ),
    (
        r"datasets whose RRMSE is in (?P<band>MATH): is (?P<ratio>MATH) there too\?",
        "مجموعه‌داده‌هایی که RRMSE آن‌ها در بازه‌ی <band> است: آیا <ratio> هم در همین بازه است؟",
    ),
    # derivations/claims/metrics/meaning.py
    (
        "NRMSE (?P<f>MATH) unchanged when the data is rescaled by (?P<c>MATH)",
        "NRMSE <f> با تغییر مقیاس داده‌ها با ضریب <c> تغییر نمی‌کند",
    ),
    (
        r"RMSE scales with \$c\$, NRMSE by any of its (?P<n>\d+) normalisers does not, (?P<c>MATH)",
        "RMSE با $c$ تغییر مقیاس می‌دهد ولی NRMSE با هیچ‌یک از <n> مخرج بهنجارساز خود تغییر نمی‌کند، <c>",
    ),
    ("the report's RRMSE against (?P<ratio>MATH)", "RRMSE گزارش در برابر <ratio>"),
    (
        "the report's RRMSE of the dataset repeated (?P<r>MATH) times against its value once",
        "RRMSE گزارش برای مجموعه‌داده‌ای که <r> بار تکرار شده، در برابر مقدار آن برای یک بار",
    ),
    (
        r"the report's RRMSE unchanged when the data is rescaled by (?P<c>MATH) \(a pure number\)",
        "RRMSE گزارش با تغییر مقیاس داده‌ها با ضریب <c> تغییر نمی‌کند (عددی بی‌بعد است)",
    ),
    (
        "(?P<n>MATH) months with mean sales (?P<sales>MATH), mean prediction (?P<pred>MATH) and RMSE (?P<rmse>MATH)",
        "<n> ماه با میانگین فروش <sales>، میانگین پیش‌بینی <pred> و RMSE برابر <rmse>",
    ),
    (
        r"two products \((?P<a>MATH) to (?P<b>MATH) months of sales each\) with equal RRMSE by the report's formula: "
        r"does the one with larger sales have the larger RMSE\?",
        "دو محصول (هر کدام با <a> تا <b> ماه فروش) با RRMSE برابر طبق فرمول گزارش: "
        "آیا محصولی که فروش بیشتری دارد RMSE بزرگ‌تری هم دارد؟",
    ),
)
