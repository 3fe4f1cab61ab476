"""Q3, the table of the network's layers: the Persian of each cell's reading, derivation captions and summary.

Keyed by claim id (:mod:`convproof.derivations.claims.cnn_table`); the mathematics is the
English's own, character for character; the layers keep the report's own names (CONV3-8, Pool-2, ...).
"""

from __future__ import annotations

from ...derivations.claims.cnn_table import BLANK_NOTE

__all__ = ["CAPTIONS", "NOTES", "NOTE_TEXTS", "PROSE"]

_OUTPUT = r"خروجی {} ($H \times W \times C$، با کانال‌ها در آخر؛ اندازه‌ها مانند PyTorch به پایین گرد شده‌اند)."
_VECTOR = r" گزارش برداری با $n$ واحد را به‌صورت $1 \times 1 \times n$ می‌نویسد و همان بردار خوانده شده است."
_BLANK = (
    "خانه‌ی خالی پارامترها به‌معنای ادعای 0 پارامتر خوانده شده: جمع گزارش فقط خانه‌های پرشده‌اش را جمع می‌زند، پس "
    "این سطر را 0 می‌شمارد. {} هیچ وزنی ندارد."
)
_CONV = r"پارامترهای آموزش‌پذیر یک کانولوشن: $f$ هسته، هر کدام با $C \times k \times k$ وزن و یک بایاس."
_SIZE = r"یک ضلع نقشه‌ی خروجی، $\lfloor (N + 2p - k)/s \rfloor + 1$؛ گزارش آن را بدون گرد کردن به پایین می‌نویسد."

NOTES = {
    "cnn_table.conv1.shape": _OUTPUT.format("CONV3-8"),
    "cnn_table.conv1.params": _CONV,
    "cnn_table.relu1.shape": _OUTPUT.format("ReLU"),
    "cnn_table.relu1.params": "به‌صورت «تعداد پارامترها ... عمق» خوانده شده (واژه‌ی «له» ظاهراً لغزش قلم است)؛ هیچ "
    "عددی گفته نشده. جمع گزارش این سطر را کنار می‌گذارد، یعنی آن را 0 می‌شمارد.",
    "cnn_table.pool1.shape": _OUTPUT.format("Pool-2"),
    "cnn_table.pool1.params": _BLANK.format("Pool-2"),
    "cnn_table.batchnorm.shape": _OUTPUT.format("BATCHNORM"),
    "cnn_table.batchnorm.params": r"این خانه انواع پارامترهای آموزش‌پذیر ($\beta$، $\gamma$) را می‌شمارد؛ "
    r"نرمال‌سازی دسته‌ای برای هر یک از $C$ کانالش یک $\beta$ و یک $\gamma$ دارد، به‌علاوه‌ی یک میانگین و یک واریانس "
    "جاری برای هر کانال که آموزش داده نمی‌شوند (ستون آمار جاری در جدول اصلاح‌شده).",
    "cnn_table.conv2.shape": _OUTPUT.format("CONV5-16(3,2)"),
    "cnn_table.conv2.params": _CONV,
    "cnn_table.relu2.shape": _OUTPUT.format("ReLU"),
    "cnn_table.relu2.params": _BLANK.format("ReLU"),
    "cnn_table.pool2.shape": _OUTPUT.format("Pool-2"),
    "cnn_table.pool2.params": _BLANK.format("Pool-2"),
    "cnn_table.flatten.shape": _OUTPUT.format("FLATTEN") + _VECTOR,
    "cnn_table.flatten.params": _BLANK.format("FLATTEN"),
    "cnn_table.fc.shape": _OUTPUT.format("FC-10") + _VECTOR,
    "cnn_table.fc.params": "لایه‌ی تمام‌متصل برای هر جفت ورودی و خروجی یک وزن و برای هر خروجی یک بایاس دارد.",
    "cnn_table.calc.conv1_size": _SIZE,
    "cnn_table.calc.pool1_size": _SIZE,
    "cnn_table.calc.conv2_size": _SIZE,
    "cnn_table.calc.pool2_size": _SIZE,
    "cnn_table.total_sum": "حساب خود گزارش: جمع کل آن در برابر مقادیری که در ستون پارامترهایش نوشته است. درستی خود "
    "این مقادیر خانه به خانه داوری می‌شود.",
    "cnn_table.total_params": r"پارامترهای آموزش‌پذیر، همان‌هایی که خانه‌ی $\beta, \gamma$ گزارش می‌شمارد و PyTorch "
    "به‌عنوان پارامتر نگه می‌دارد؛ با آمار جاری نرمال‌سازی دسته‌ای، شبکه 4922 مقدار دارد.",
}


def _layer(second: str) -> tuple[str, str]:
    """The two captions of a cell: the layer's formula, then it with the layer's values (or its value)."""
    return ("فرمول لایه", "مقدار" if second == "value" else f"با {second}")


CAPTIONS = {
    "cnn_table.conv1.shape": _layer("$H = 32, W = 32, f = 8, k = 3, p = 1, s = 1$"),
    "cnn_table.conv1.params": _layer("$C = 3, f = 8, k = 3$"),
    "cnn_table.relu1.shape": _layer("$C = 8, H = 32, W = 32$"),
    "cnn_table.pool1.shape": _layer("$C = 8, H = 32, W = 32, k = 2, p = 0, s = 2$"),
    "cnn_table.pool1.params": _layer("value"),
    "cnn_table.batchnorm.shape": _layer("$C = 8, H = 16, W = 16$"),
    "cnn_table.batchnorm.params": _layer("$C = 8$"),
    "cnn_table.conv2.shape": _layer("$H = 16, W = 16, f = 16, k = 5, p = 2, s = 3$"),
    "cnn_table.conv2.params": _layer("$C = 8, f = 16, k = 5$"),
    "cnn_table.relu2.shape": _layer("$C = 16, H = 6, W = 6$"),
    "cnn_table.relu2.params": _layer("value"),
    "cnn_table.pool2.shape": _layer("$C = 16, H = 6, W = 6, k = 2, p = 0, s = 2$"),
    "cnn_table.pool2.params": _layer("value"),
    "cnn_table.flatten.shape": _layer("$C = 16, H = 3, W = 3$"),
    "cnn_table.flatten.params": _layer("value"),
    "cnn_table.fc.shape": _layer("$n_{out} = 10$"),
    "cnn_table.fc.params": _layer("$n_{in} = 144, n_{out} = 10$"),
    "cnn_table.calc.conv1_size": _layer("$H = 32, k = 3, p = 1, s = 1$"),
    "cnn_table.calc.pool1_size": _layer("$H = 32, k = 2, p = 0, s = 2$"),
    "cnn_table.calc.conv2_size": _layer("$H = 16, k = 5, p = 2, s = 3$"),
    "cnn_table.calc.pool2_size": _layer("$H = 6, k = 2, p = 0, s = 2$"),
    "cnn_table.total_sum": ("مقادیر خانه‌های پارامتر گزارش (خانه‌ی خالی 0 خوانده شده)",),
    "cnn_table.total_params": ("مقادیر لایه‌ها، از فرمول‌هایشان",),
}

# Readings of claims another report's text makes (keyed by the English reading itself): a cell of a layer
# with no weights, blank or written 0, in any row (the vendored report leaves the first ReLU's in words)
_NO_WEIGHTS = ("ReLU", "Pool-2", "FLATTEN")
_LAYERS = ("CONV3-8", "ReLU", "Pool-2", "BATCHNORM", "CONV5-16(3,2)", "FLATTEN", "FC-10")
NOTE_TEXTS = {
    **{f"{layer} holds no weights.": f"{layer} هیچ وزنی ندارد." for layer in _NO_WEIGHTS},
    # an output written as a vector (144, not 1 x 1 x 144): the reading without the sentence on vectors
    **{
        rf"Output of {layer} ($H \times W \times C$, channels last; sizes floored as in PyTorch).": _OUTPUT.format(
            layer
        )
        for layer in _LAYERS
    },
    **{f"{BLANK_NOTE} {layer} holds no weights.": _BLANK.format(layer) for layer in _NO_WEIGHTS},
    "No parameter column to add up: the sum is judged against the network's trainable parameters.": (
        "ستون پارامتری برای جمع زدن نیست: جمع در برابر پارامترهای آموزش‌پذیر شبکه داوری می‌شود."
    ),
}

PROSE = {
    "cnn_table.relu1.params": "خانه‌ی پارامترهای سطر ReLU به‌جای عدد، واژه‌های فارسی دارد.",
}
