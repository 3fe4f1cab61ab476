"""Q1(a), the regression metrics: the Persian of each claim's reading, derivation captions and summary.

Keyed by claim id (:mod:`convproof.derivations.claims.metrics`); the mathematics is the English's
own, character for character, and prose digits stay Western (the renderer makes them Persian).
"""

from __future__ import annotations

from ...derivations.claims.metrics.nrmse import SHOWN, note

__all__ = ["CAPTIONS", "NOTES", "NOTE_TEXTS", "PROSE"]

# the normaliser of each NRMSE claim, as the sentence below names it
_NORMALISERS = {
    "mean": "میانگین",
    "max": "بیشینه‌ی",
    "range": "دامنه‌ی تغییرات",
    "std": "انحراف معیار",
    "iqr": "دامنه‌ی میان‌چارکی (IQR)",
}
_NRMSE = (
    "RMSE تقسیم بر {} مقادیر واقعی (انحراف معیار با ddof برابر 0 و صدک‌های خطی NumPy)؛ تقسیم باید مقیاس داده‌ها را "
    "حذف کند. قیمت‌ها مثبت‌اند: برای داده‌هایی با هر دو علامت، میانگین یا بیشینه ممکن است 0 یا منفی باشد و آنگاه این "
    "نسبت دیگر معیار خطا نیست."
)
_BANDS = (
    "قاعده‌ی بازه‌ها روی RRMSE گزارش: مجموعه‌داده‌ای که این معیار در یک بازه می‌گذارد باید خطای نسبی‌اش به میانگین "
    "پیش‌بینی‌ها نیز در همان بازه باشد (بازه‌های Despotovic و همکاران، 2016)."
)
_ERROR_CAPTIONS = ("خطای پیش‌بینی", "مرجع")

NOTES = {
    "metrics.mse": r"میانگین مربع خطاها روی $n$ نمونه؛ علامت $y_i - \hat{y}_i$ پس از به توان دو رسیدن اهمیتی ندارد.",
    "metrics.rmse": r"ریشه‌ی دوم MSE، با همان یکای $y$.",
    **{f"metrics.nrmse_{name}": _NRMSE.format(persian) for name, persian in _NORMALISERS.items()},
    "metrics.nrmse_scales": "کالاهایی در بازه‌های قیمتی مختلف همان داده‌ها با یکاهای متفاوت‌اند: NRMSE نباید به یکا حساس باشد.",
    "metrics.iqr": r"$Q_1$ و $Q_3$ صدک‌های 25 و 75 به روش پیش‌فرض (خطی) NumPy هستند؛ برای $n = 8$ مقدار مرتب "
    r"$s_1,\ s_1 + g_2,\ s_1 + g_2 + g_3, \ldots$ (با فاصله‌های $g_j \ge 0$) و به‌طور دقیق برای هر $n$ تا 12 بررسی "
    "شده است. دامنه‌ی میان‌چارکی پهنای نیمه‌ی میانی داده‌هاست.",
    "metrics.rrmse": r"در برابر تعریفی سنجیده شده که گزارش از RRMSE می‌دهد: RMSE نسبت به میانگین داده‌های پیش‌بینی‌شده، "
    r"یعنی $\text{RMSE} / \operatorname{mean}(\hat{y})$، به‌صورت درصد (Despotovic و همکاران (2016) بر میانگین مقادیر "
    "اندازه‌گیری‌شده تقسیم می‌کنند؛ در مثال‌های نقضِ مثال فروش هر دو میانگین برابرند). گزارش، همان‌گونه که نوشته، "
    r"$\frac{1}{n} \sum_i (y_i - \hat{y}_i)^2$ را بر $\sum_i \hat{y}_i^2$ نرمال‌نشده تقسیم می‌کند، پس مقدارش "
    r"$\sqrt{\sum_i (y_i - \hat{y}_i)^2 / \sum_i \hat{y}_i^2} / \sqrt{n}$ است: با بزرگ‌تر شدن مجموعه‌ی داده کوچک "
    "می‌شود. پیش‌بینی‌ها مثبت‌اند (فروش).",
    "metrics.rrmse_relative_to_mean": r"خطای نسبی به میانگین پیش‌بینی‌ها $\text{RMSE} / \operatorname{mean}(\hat{y})$ "
    "است (گزارش MSE می‌نویسد، ولی فرمولش جذر می‌گیرد). چنین نسبتی با تکرار کل مجموعه‌ی داده تغییر نمی‌کند، چون نه "
    "میانگین تغییر می‌کند و نه RMSE.",
    "metrics.rrmse_percentage": "درصد عددی بی‌بعد است: نباید با یکای داده‌ها (دلار یا سنت) تغییر کند.",
    "metrics.rrmse_band_excellent": _BANDS,
    "metrics.rrmse_band_good": _BANDS,
    "metrics.rrmse_band_fair": _BANDS,
    "metrics.rrmse_band_poor": _BANDS,
    "metrics.rrmse_sales_example": "فروش ماهانه با میانگین 10000 دلار و RMSE برابر 1000 دلار باید 10٪ بدهد. میانگین "
    "فروش واقعی و فروش پیش‌بینی‌شده هر دو 10000 است، پس منظور می‌تواند میانگین هر کدام باشد؛ مثال نقضِ "
    "نشان‌داده‌شده نزدیک‌ترین مجموعه‌داده‌ی ناموفق به دوازده ماه یک سال است.",
    "metrics.rrmse_two_products": "چنین برداشت شده: با RRMSE برابر، محصولی که به‌طور میانگین بیشتر فروش دارد خطای "
    "بزرگ‌تری دارد (خطا برابر RRMSE ضرب در میانگین است). فروش‌ها با میانگین پیش‌بینی‌شان مقایسه می‌شوند، همان "
    "میانگینی که به گفته‌ی گزارش RRMSE نسبت به آن است؛ برای RRMSE فرمول خود گزارش به کار رفته است.",
}

CAPTIONS = {
    "metrics.mse": _ERROR_CAPTIONS,
    "metrics.rmse": _ERROR_CAPTIONS,
    "metrics.iqr": ("داده‌های مرتب‌شده",),
    "metrics.rrmse": _ERROR_CAPTIONS,
}

PROSE: dict[str, str] = {}

# Readings of another report's NRMSE formulas, one per normaliser (keyed by the English reading)
NOTE_TEXTS = {
    note(name): (
        f"RMSE تقسیم بر ${shown}$، آماره‌ای از مقادیر واقعی (انحراف معیار با ddof=0 و چارک‌های خطی NumPy)؛ "
        "داده‌ها مثبت‌اند (فروش)."
    )
    for name, shown in SHOWN.items()
}
