"""Q2, dilated convolution: the Persian of each claim's reading, derivation captions and summary.

Keyed by claim id (:mod:`convproof.derivations.claims.dilated`); the mathematics is the
English's own, character for character.
"""

from __future__ import annotations

__all__ = ["CAPTIONS", "NOTES", "PROSE"]

_STACK = (
    "پشته‌ای از لایه‌های گسترش‌یافته‌ی یکسان با گام 1 و بدون لایه‌گذاری (هسته‌ی $k$، گسترش $d$)، همان‌گونه که "
    "سؤال 2(ب) فرض می‌کند؛ میدان دید گستره‌ی موقعیت‌های ورودی است که به یک خروجی می‌رسند."
)
_QUALITATIVE = "کیفی: استدلالی درباره‌ی طراحی است، نه فرمول."

NOTES = {
    "dilated.rf_recurrence": _STACK + r" $RF_{i-1}$ در سمت راست میدان دید واقعی $i-1$ لایه است.",
    "dilated.rf_base": "بدون هیچ لایه: هر موقعیت ورودی تنها خودش را می‌بیند.",
    "dilated.rf_layer1": _STACK,
    "dilated.rf_layer2": _STACK,
    "dilated.rf_layer3": _STACK,
    "dilated.rf_closed_form": _STACK,
    "dilated.effective_kernel": "گستره‌ی هسته‌ای با $k$ درایه که درایه‌هایش $d$ واحد از هم فاصله دارند.",
    "dilated.output_size": "لایه‌گذاری 0 و گام 1، همان‌گونه که گزارش فرض می‌کند؛ $N$ باید دست‌کم به اندازه‌ی هسته‌ی "
    "گسترش‌یافته باشد.",
    "dilated.output_shape": r"$m$ فیلتر روی ورودی $N \times N$، با کانال‌ها در آغاز؛ لایه‌گذاری 0، گام 1.",
    "dilated.output_size_general": "اندازه‌ی خروجی با گام $s$ و لایه‌گذاری $p$: شمار موقعیت‌های پنجره.",
    "dilated.stack_receptive_field": "سه لایه، هر کدام با هسته‌ی $k_l$، گام $s_l$ و گسترش $d_l$ خودش (Araujo و "
    "همکاران، Distill، 2019).",
    "dilated.stack_effective_stride": "فاصله‌ی دو خروجی همسایه‌ی پشته، بر حسب موقعیت‌های ورودی.",
    "dilated.prose_field_of_view": _QUALITATIVE,
    "dilated.prose_no_pooling": _QUALITATIVE,
    "dilated.prose_resolution": _QUALITATIVE,
    "dilated.prose_memory": _QUALITATIVE,
}

CAPTIONS = {
    "dilated.rf_recurrence": ("رابطه‌ی بازگشتی پشته، گام 1",),
    "dilated.rf_closed_form": ("رابطه‌ی بازگشتی", "حل آن با SymPy و $RF_0 = 1$"),
    "dilated.effective_kernel": (r"درایه‌ها در $t d$ با $t = 0, \ldots, k-1$؛ گستره: آخری منهای اولی به‌علاوه‌ی 1",),
    "dilated.output_size_general": (r"آغاز پنجره در $t = 0, s, 2s, \ldots$ تا وقتی که $t + d(k-1) \le N + 2p - 1$",),
}

PROSE = {
    "dilated.prose_field_of_view": "کانولوشن گسترش‌یافته میدان دید را بزرگ می‌کند.",
    "dilated.prose_no_pooling": "با کانولوشن‌های گسترش‌یافته دیگر به هیچ نوع ادغامی نیاز نیست.",
    "dilated.prose_resolution": "وضوح حفظ می‌شود.",
    "dilated.prose_memory": "مصرف حافظه ممکن است زیاد باشد.",
}
