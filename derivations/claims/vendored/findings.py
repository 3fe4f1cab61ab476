"""The root errors of the vendored report: which claims each one explains, and how serious it is.

This is declared data about one report, read by a teaching assistant: it groups
claims and explains them to the student. It decides nothing: a finding is shown
only when the checks judged one of its claims not verified, its correction is the
one the checks computed for the claim it names, and its messages state no number
that the checks compute.
"""

from __future__ import annotations

from ...finding import Finding

__all__ = ["FINDINGS"]

_RRMSE_MEANING = (
    "metrics.rrmse_relative_to_mean",
    "metrics.rrmse_band_excellent",
    "metrics.rrmse_band_good",
    "metrics.rrmse_band_fair",
    "metrics.rrmse_sales_example",
    "metrics.rrmse_two_products",
)
_CHARTS = (
    "activations.chart1_gelu",
    "activations.chart1_prelu",
    "activations.chart1_elu",
    "activations.chart1_hardswish",
    "activations.chart1_softsign",
    "activations.chart1_hard_sigmoid",
    "activations.chart2_softsign",
    "activations.chart2_leaky_relu",
)
_CASES = (
    "conv_grads.dv1_dz1_cases",
    "conv_grads.dL_dz1_cases",
    "conv_grads.dL_dz3_cases",
    "conv_grads.dv1_dz2_cases",
    "conv_grads.dv2_dz2_cases",
)

FINDINGS: tuple[Finding, ...] = (
    Finding(
        "rrmse_scale",
        "Q1",
        "a",
        "conceptual",
        ("metrics.rrmse", *_RRMSE_MEANING),
        {"en": "RRMSE without the $1/n$ of its denominator", "fa": "مخرج RRMSE بدون $1/n$"},
        {
            "en": "Your RRMSE divides the mean squared error by the plain sum of the squared predictions, without "
            "its $1/n$, so it is the usual relative RMSE divided by $\\sqrt{n}$. The bands (10%, 20%, 30%) "
            "and the sales examples hold for the usual RRMSE, not for the formula as written.",
            "fa": "RRMSE گزارش میانگین مربع خطا را بر جمع ساده‌ی مربع پیش‌بینی‌ها تقسیم می‌کند، بدون $1/n$ آن؛ پس حاصل همان RMSE نسبی معمول تقسیم بر $\\sqrt{n}$ است. بازه‌های ۱۰، ۲۰ و ۳۰ درصد و مثال‌های فروش برای RRMSE معمول درست‌اند، نه برای فرمولی که نوشته شده.",
        },
        correction_from="metrics.rrmse",
    ),
    Finding(
        "selu_constants",
        "Q1",
        "b",
        "conceptual",
        ("activations.selu_hyperparameters",),
        {"en": "SELU's constants are not free hyperparameters", "fa": "ثابت‌های SELU ابرپارامتر آزاد نیستند"},
        {
            "en": "SELU's $\\alpha$ and $\\lambda$ are not chosen: they are fixed by the requirement that a standard normal "
            "input keeps mean 0 and variance 1, which is what self-normalising means.",
            "fa": "$\\alpha$ و $\\lambda$ در SELU انتخابی نیستند: این شرط که ورودی نرمال استاندارد میانگین ۰ و واریانس ۱ را حفظ کند هر دو را تعیین می‌کند، و خودنرمال‌ساز بودن همین است.",
        },
        correction_from="activations.selu_hyperparameters",
    ),
    Finding(
        "gelu_approximations",
        "Q1",
        "b",
        "notation",
        ("activations.gelu_tanh_form", "activations.gelu_sigmoid_form"),
        {"en": "GELU's approximations written as equalities", "fa": "تقریب‌های GELU با علامت تساوی نوشته شده‌اند"},
        {
            "en": "The tanh and sigmoid forms are the standard approximations of GELU, not other ways to write it: "
            "write them with an approximately-equal sign. Their largest errors are certified below.",
            "fa": "صورت‌های tanh و sigmoid تقریب‌های استاندارد GELU هستند، نه صورت دیگری از خود آن: آن‌ها را با علامت تقریباً برابر بنویسید. بزرگ‌ترین خطای هر کدام در ادامه با کران تضمین‌شده آمده است.",
        },
        fix={
            "en": "Write $\\mathrm{GELU}(x) \\approx$ (each form); the exact GELU is $x\\,\\Phi(x)$.",
            "fa": "بنویسید $\\mathrm{GELU}(x) \\approx$ (هر یک از دو صورت)؛ GELU دقیق $x\\,\\Phi(x)$ است.",
        },
    ),
    Finding(
        "max_form",
        "Q1",
        "b",
        "notation",
        ("activations.prelu", "activations.rrelu"),
        {
            "en": "$\\max(\\alpha x, x)$ holds only for $\\alpha \\le 1$",
            "fa": "$\\max(\\alpha x, x)$ فقط برای $\\alpha \\le 1$ درست است",
        },
        {
            "en": "$\\max(\\alpha x, x)$ is the leaky form only while $\\alpha \\le 1$; PReLU learns $\\alpha$ and nothing keeps it below 1, "
            "so write the two cases instead.",
            "fa": "$\\max(\\alpha x, x)$ فقط تا وقتی $\\alpha \\le 1$ باشد همان صورت نشتی است؛ PReLU مقدار $\\alpha$ را یاد می‌گیرد و چیزی آن را زیر ۱ نگه نمی‌دارد، پس دو حالت را جدا بنویسید.",
        },
        correction_from="activations.prelu",
    ),
    Finding(
        "chart_formulas",
        "Q1",
        "b",
        "transcription",
        _CHARTS,
        {
            "en": "Formulas copied from the charts lost symbols",
            "fa": "فرمول‌های رونویسی‌شده از نمودارها نمادهایی را از دست داده‌اند",
        },
        {
            "en": "Several formulas copied from the two charts lost symbols on the way (the bars of |x| in Softsign, "
            "a factor in GELU, a slope in PReLU and Leaky ReLU, the order of the pieces of the hard functions). "
            "Each entry below shows the framework's definition.",
            "fa": "چند فرمول که از دو نمودار رونویسی شده‌اند در این راه نمادهایی را از دست داده‌اند (قدرمطلق $|x|$ در Softsign، یک ضریب در GELU، شیب منفی در PReLU و Leaky ReLU، و ترتیب تکه‌ها در توابع سخت). هر مدخل در ادامه همراه با تعریف چارچوب آمده است.",
        },
        fix={
            "en": "Take each definition from the framework's documentation rather than from the chart.",
            "fa": "هر تعریف را از مستندات چارچوب بردارید، نه از روی نمودار.",
        },
    ),
    Finding(
        "ema_start",
        "Q1",
        "d",
        "conceptual",
        ("batchnorm.ema_initial_values",),
        {"en": "Running statistics do not start at the first batch", "fa": "آمار جاری از دسته‌ی نخست آغاز نمی‌شود"},
        {
            "en": "PyTorch and Keras start the running mean and variance at 0 and 1 and move them a little towards "
            "each batch; starting from the first batch is what PyTorch's cumulative mode (momentum=None) does, "
            "not the default.",
            "fa": "PyTorch و Keras میانگین و واریانس جاری را از ۰ و ۱ آغاز می‌کنند و با هر دسته کمی به سوی آمار آن دسته می‌برند؛ آغاز از دسته‌ی نخست رفتار حالت تجمعی PyTorch (momentum=None) است، نه پیش‌فرض.",
        },
        correction_from="batchnorm.ema_initial_values",
    ),
    Finding(
        "anomaly_subspace",
        "Q1",
        "e",
        "conceptual",
        ("autoencoder.anomaly_threshold",),
        {
            "en": "The threshold misses novel inputs inside the learned subspace",
            "fa": "آستانه ورودی‌های تازه‌ی درون زیرفضای آموخته را نمی‌بیند",
        },
        {
            "en": "A large reconstruction error flags inputs that leave what the autoencoder learned to represent; "
            "an input far from every training sample but inside that subspace is reconstructed well and passes.",
            "fa": "خطای بازسازی بزرگ ورودی‌هایی را نشان می‌دهد که از آنچه خودرمزگذار آموخته بیرون می‌روند؛ ورودی‌ای که از همه‌ی نمونه‌های آموزشی دور است ولی درون همان زیرفضا قرار دارد، به‌خوبی بازسازی می‌شود و از آستانه می‌گذرد.",
        },
        fix={
            "en": "Say that the threshold flags inputs the code cannot represent, not every input that differs.",
            "fa": "بگویید آستانه ورودی‌هایی را نشان می‌دهد که کد نمی‌تواند نمایششان دهد، نه هر ورودی متفاوتی را.",
        },
    ),
    Finding(
        "batchnorm_parameters",
        "Q3",
        "",
        "conceptual",
        ("cnn_table.batchnorm.params",),
        {"en": "Batch norm's parameters are per channel", "fa": "پارامترهای نرمال‌سازی دسته‌ای برای هر کانال جداست"},
        {
            "en": "Batch norm has a $\\gamma$ and a $\\beta$ per channel, not one of each for the layer, and it also keeps a "
            "running mean and variance per channel (not trained).",
            "fa": "نرمال‌سازی دسته‌ای برای هر کانال یک $\\gamma$ و یک $\\beta$ دارد، نه یکی برای کل لایه، و برای هر کانال میانگین و واریانس جاری (آموزش‌ناپذیر) را هم نگه می‌دارد.",
        },
        correction_from="cnn_table.batchnorm.params",
    ),
    Finding(
        "conv_parameters",
        "Q3",
        "",
        "computational",
        ("cnn_table.conv2.params",),
        {"en": "CONV5-16(3,2): parameter count", "fa": "شمار پارامترهای CONV5-16(3,2)"},
        {
            "en": "The bias is one per filter: $(k^2 C_{in} + 1) C_{out}$ for a $k \\times k$ kernel. Recount CONV5-16(3,2) with that formula.",
            "fa": "بایاس برای هر فیلتر یکی است: $(k^2 C_{in} + 1) C_{out}$ برای هسته‌ی $k \\times k$. پارامترهای CONV5-16(3,2) را با همین فرمول دوباره بشمارید.",
        },
        correction_from="cnn_table.conv2.params",
    ),
    Finding(
        "dense_parameters",
        "Q3",
        "",
        "computational",
        ("cnn_table.fc.params",),
        {"en": "FC-10: the bias is missing", "fa": "بایاس FC-10 از قلم افتاده"},
        {
            "en": "A dense layer also has one bias per output: $(n_{in} + 1)\\, n_{out}$.",
            "fa": "لایه‌ی تمام‌متصل هم برای هر خروجی یک بایاس دارد: $(n_{in} + 1)\\, n_{out}$.",
        },
        correction_from="cnn_table.fc.params",
    ),
    Finding(
        "total",
        "Q3",
        "",
        "computational",
        ("cnn_table.total_sum", "cnn_table.total_params"),
        {"en": "The total parameter count", "fa": "جمع کل پارامترها"},
        {
            "en": "The sum of your own cells is not the total you state, and with the cells corrected the total "
            "changes again.",
            "fa": "جمع خانه‌های جدول خودتان با جمعی که نوشته‌اید یکی نیست، و با اصلاح خانه‌ها جمع دوباره تغییر می‌کند.",
        },
        correction_from="cnn_table.total_params",
    ),
    Finding(
        "q4_parameters",
        "Q4",
        "a",
        "transcription",
        ("conv_grads.parameters",),
        {"en": "A parameter $w_3$ that the network does not have", "fa": "پارامتر $w_3$ که شبکه ندارد"},
        {
            "en": "The network has two output weights, $w_1$ and $w_2$; there is no $w_3$.",
            "fa": "شبکه دو وزن خروجی دارد، $w_1$ و $w_2$؛ $w_3$ وجود ندارد.",
        },
        fix={
            "en": "The parameters are $k_1, k_2, k_3, b, w_1, w_2$ and $a$.",
            "fa": "پارامترها $k_1, k_2, k_3, b, w_1, w_2$ و $a$ هستند.",
        },
    ),
    Finding(
        "q4_sign",
        "Q4",
        "b",
        "computational",
        ("conv_grads.dL_dw1",),
        {
            "en": "A sign dropped in $\\partial L/\\partial w_1$",
            "fa": "علامتی که در $\\partial L/\\partial w_1$ افتاده",
        },
        {
            "en": "The first form of $\\partial L/\\partial w_1$ has a minus sign that the second drops: the loss factor is $\\hat y - y$.",
            "fa": "صورت نخست $\\partial L/\\partial w_1$ علامت منفی‌ای دارد که صورت دوم ندارد: ضریب تابع هزینه $\\hat y - y$ است.",
        },
        correction_from="conv_grads.dL_dw1",
    ),
    Finding(
        "q4_max_cases",
        "Q4",
        "b",
        "conceptual",
        _CASES,
        {
            "en": "The max sends the gradient to its larger argument only",
            "fa": "max گرادیان را فقط به ورودی بزرگ‌ترش می‌دهد",
        },
        {
            "en": "$v_1 = \\max(0, z_1, z_2)$ passes the gradient only to the larger of $z_1$ and $z_2$, and only "
            "when it is positive; your cases look at the signs alone and send it to both.",
            "fa": "$v_1 = \\max(0, z_1, z_2)$ گرادیان را فقط به بزرگ‌ترِ $z_1$ و $z_2$ می‌رساند، آن هم فقط وقتی مثبت باشد؛ حالت‌های شما تنها به علامت‌ها نگاه می‌کنند و گرادیان را به هر دو می‌دهند.",
        },
        fix={
            "en": "$\\partial v_1/\\partial z_1 = [z_1 \\ge z_2]\\,[\\max(z_1, z_2) > 0]$ and "
            "$\\partial v_1/\\partial z_2 = [z_2 > z_1]\\,[\\max(z_1, z_2) > 0]$ (a tie goes to the first, as in "
            "PyTorch); likewise for $v_2$ with $z_2$ and $z_3$.",
            "fa": "$\\partial v_1/\\partial z_1 = [z_1 \\ge z_2]\\,[\\max(z_1, z_2) > 0]$ و $\\partial v_1/\\partial z_2 = [z_2 > z_1]\\,[\\max(z_1, z_2) > 0]$ (در تساوی، گرادیان مانند PyTorch به ورودی نخست می‌رسد)؛ برای $v_2$ با $z_2$ و $z_3$ نیز به همین ترتیب.",
        },
    ),
)
