"""Q1(b), the activation functions and both charts: the Persian of each reading, caption and summary.

Keyed by claim id (:mod:`convproof.derivations.claims.activations`); the mathematics is the
English's own, character for character; PyTorch's class and argument names stay Latin.
"""

from __future__ import annotations

__all__ = ["CAPTIONS", "NOTES", "PROSE"]

_SELU_CAPTIONS = (
    r"میانگین و گشتاور دوم برای $z \sim N(0, 1)$",
    r"میانگین برابر 0 (خطی بر حسب $\alpha$)",
    r"گشتاور دوم برابر 1، $\lambda > 0$",
)
_SLOPE_CAPTIONS = (
    r"$\max(\alpha x, x)$ منهای مرجع در $x = 1$ و $x = -1$، حل‌شده برای $\alpha$",
    "مرجع (PyTorch)",
)
_GELU_APPROXIMATION = (
    "به‌عنوان شکل دیگری از نوشتن GELU آمده، پس به‌عنوان اتحاد داوری شده است؛ این همان تقریب {} از Hendrycks و "
    "Gimpel (2016) است و بررسی تضمین‌شده خطای آن را روی کل محور حقیقی کران‌دار می‌کند. ثابت اعشاری دقیقاً همان‌گونه "
    "که نوشته شده خوانده می‌شود."
)
_MINIMAX = (
    r"که $\sup_x |\text{approximation} - \text{GELU}|$ را کمینه می‌کند، تا شش رقم بامعنا؛ به‌طور تضمین‌شده یک "
    "کمینه‌ساز موضعی در فاصله‌ی یک واحد از رقم آخر آن قرار دارد."
)
_SOFTSIGN = (
    r"$x$ فاصله‌دار در مخرج همان $|x|$ است که خط‌های قدرمطلقش در استخراج متن از دست رفته‌اند: منظور نمودار "
    r"$x/(1 + |x|)$ بوده (torch.nn.Softsign). همان‌گونه که نوشته شده، $x/(1 + x)$ در $x = -1$ قطب دارد و برای هر "
    r"$x < 0$ مقدار دیگری می‌دهد."
)

NOTES = {
    "activations.relu": "همان torch.nn.ReLU.",
    "activations.prelu": r"torch.nn.PReLU: برای $x \ge 0$ برابر $x$ و در غیر این صورت $\alpha x$، که $\alpha$ آموخته "
    "می‌شود (هر عدد حقیقی؛ با مقدار آغازین 0.25).",
    "activations.rrelu": r"torch.nn.RReLU: برای $x \ge 0$ برابر $x$ و در غیر این صورت $\alpha x$، که $\alpha$ در "
    r"آموزش از $U(l, u)$ نمونه‌برداری می‌شود و $l$ و $u$ کران‌های پایین و بالای PyTorch هستند (PyTorch برای $u$ "
    r"کران 1 نمی‌گذارد). اوراکل در حالت ارزیابی اجرا می‌شود، با $\alpha = (l + u)/2$.",
    "activations.leaky_relu": r"torch.nn.LeakyReLU، که negative_slope آن همان $\alpha$ است.",
    "activations.leaky_relu_slope": "شیب LeakyReLU گزارش، در برابر مقدار پیش‌فرض مستندِ negative_slope در PyTorch.",
    "activations.elu": r"torch.nn.ELU نقطه‌ی $x = 0$ را در شاخه‌ی نمایی می‌گذارد؛ هر دو شاخه آنجا 0 می‌دهند.",
    "activations.elu_alpha": r"«$\alpha$ معمولاً یک است» (عدد با واژه‌ی فارسی نوشته شده): در برابر مقدار پیش‌فرض "
    r"مستندِ $\alpha$ در torch.nn.ELU.",
    "activations.selu": r"torch.nn.SELU، یعنی $\lambda \left(\max(0, x) + \min(0, \alpha (e^x - 1))\right)$، که "
    r"$\lambda$ ضریب مقیاس PyTorch است و ثابت‌ها با نمادهای $\alpha > 0$ و $\lambda > 0$ نوشته شده‌اند (صورت "
    r"کمینه/بیشینه فقط برای $\alpha \ge 0$ با صورت چندضابطه‌ای برابر است). خود ثابت‌ها: activations.selu_constants.",
    "activations.selu_hyperparameters": r"چنین برداشت شده: $\alpha$ و $\lambda$ ابرپارامترهای آزادند و SELU با "
    "مقادیر انتخاب‌شده خودنرمال‌ساز است. خودنرمال‌سازی (Klambauer و همکاران، 2017) یعنی ورودی‌های نرمال استاندارد "
    "خروجی‌هایی با میانگین 0 و واریانس 1 بدهند؛ این دو معادله هر دو ثابت را تعیین می‌کنند.",
    "activations.selu_constants": "ثابت‌های SELU به‌صورت صریح، تا 30 رقم در برابر mpmath و در برابر SELU در PyTorch "
    "بررسی شده‌اند.",
    "activations.gelu_definition": r"torch.nn.GELU: $x \Phi(x)$، که $\Phi$ تابع توزیع تجمعی نرمال استاندارد است؛ "
    r"$x_{ij}$ به‌صورت $x$ خوانده شده.",
    "activations.gelu_cdf_integral": "طرف انتگرالی، محاسبه‌شده با SymPy، در برابر تابع توزیع تجمعی sympy.stats؛ "
    r"$P(X_{ij} \le x_{ij})$ تعریف تابع توزیع تجمعی است و تجزیه نمی‌شود. $x_{ij}$ به‌صورت $x$ خوانده شده.",
    "activations.erf_integral": "تعریف تابع خطا، محاسبه‌شده با SymPy و روی نمونه‌ها سنجیده‌شده در برابر تابع خطای "
    "خود SymPy.",
    "activations.gelu_erf_form": r"صورت GELU بر حسب تابع خطا؛ بررسی نمادین ثابت می‌کند که برابر $x \Phi(x)$ است.",
    "activations.gelu_tanh_form": _GELU_APPROXIMATION.format("tanh"),
    "activations.gelu_sigmoid_form": _GELU_APPROXIMATION.format("سیگموید"),
    "activations.gelu_tanh_minimax": r"ضریب جمله‌ی درجه‌ی سوم، $a$، در صورت tanh یعنی "
    r"$0.5x\left(1 + \tanh\left[\sqrt{2/\pi}\,(x + a x^3)\right]\right)$ " + _MINIMAX,
    "activations.gelu_sigmoid_minimax": r"ضریب مقیاس $c$ در صورت سیگمویدی $x \sigma(c x)$ " + _MINIMAX,
    "activations.chart1_gelu": r"صورت tanh از GELU با ضریب درجه‌ی سوم $a$ (0.044715 در حالت تقریب tanh در PyTorch)؛ "
    r"نمودار ضریب $x/\sqrt{2\pi}$ را نوشته، جایی که صورت tanh ضریب $x/2$ دارد.",
    "activations.chart1_prelu": r"به‌صورت $\max(0, x)$ نوشته شده که همان ReLU است. PReLU برابر "
    r"$\max(0, x) + a \min(0, x)$ با شیب آموخته‌شده‌ی $a$ است (با مقدار آغازین 0.25): فقط وقتی $a = 0$ باشد ReLU است.",
    "activations.chart1_elu": r"$x \exp x$ به‌صورت $x e^x$ خوانده می‌شود؛ منظور نمودار $\alpha (e^x - 1)$ بوده، مانند "
    r"torch.nn.ELU. همان‌گونه که نوشته شده، در $x = 0$ مقداری ندارد.",
    "activations.chart1_selu": r"$\alpha$ نمودار همان ضریب مقیاس $\lambda$ در PyTorch است و $\beta$ آن همان $\alpha$ "
    "در PyTorch.",
    "activations.chart1_softplus": r"$\log$ لگاریتم طبیعی است. PyTorch جایی که $\beta x > 20$ باشد، تنها برای "
    r"پایداری عددی، به $x$ تغییر می‌کند.",
    "activations.chart1_mish": r"$x \tanh(\operatorname{Softplus}(x))$ با $\beta$ تابع torch.nn.Softplus؛ "
    r"torch.nn.Mish حالت $\beta = 1$ است.",
    "activations.chart1_rrelu": r"$a \sim \mathcal{R}(l, u)$ چنین خوانده شده که $a$ از توزیع یکنواخت روی $[l, u]$ "
    "نمونه‌برداری می‌شود، مانند torch.nn.RReLU در آموزش؛ آن توضیح بخشی از شرط نیست. اوراکل در حالت ارزیابی اجرا می‌شود.",
    "activations.chart1_hardswish": r"دو شاخه‌ی آخر جابه‌جا شده‌اند و ضریب $x$ در $x(x + 3)/6$ از دست رفته است: "
    r"torch.nn.Hardswish برای $-3 < x < 3$ برابر $x(x + 3)/6$ و برای $x \ge 3$ برابر $x$ است.",
    "activations.chart1_softsign": _SOFTSIGN,
    "activations.chart1_hard_tanh": r"$a$ همان max_val در PyTorch است و $b$ همان min_val ($b < a$).",
    "activations.chart1_hard_sigmoid": r"دو شاخه‌ی آخر جابه‌جا شده‌اند: torch.nn.Hardsigmoid برای $-3 < x < 3$ "
    r"برابر $x/6 + 1/2$ و برای $x \ge 3$ برابر 1 است.",
    "activations.chart1_hard_shrink": r"همان‌گونه که نوشته شده، در $x = \pm\lambda$ مقداری ندارد، جایی که "
    "torch.nn.Hardshrink مقدار 0 می‌دهد.",
    "activations.chart2_step_function": r"تابع پله‌ی واحد با آستانه‌ی $n$ (هیچ چارچوبی آن را به‌عنوان تابع "
    "فعال‌سازی تعریف نمی‌کند).",
    "activations.chart2_softsign": _SOFTSIGN,
    "activations.chart2_sinc": r"تابع سینک نانرمال‌شده؛ همان‌گونه که نوشته شده در $x = 0$ مقداری ندارد، جایی که حدش "
    "1 است.",
    "activations.chart2_leaky_relu": r"به‌صورت $\max(0, x)$ نوشته شده که همان ReLU است؛ LeakyReLU برابر "
    r"$\max(\alpha x, x)$ با شیب کوچک $\alpha$ است (در torch.nn.LeakyReLU برابر 0.01).",
}

CAPTIONS = {
    "activations.prelu": _SLOPE_CAPTIONS,
    "activations.rrelu": _SLOPE_CAPTIONS,
    "activations.selu_hyperparameters": _SELU_CAPTIONS,
    "activations.selu_constants": _SELU_CAPTIONS,
    "activations.gelu_cdf_integral": (r"تابع توزیع تجمعی $N(0, 1)$، از sympy.stats",),
    "activations.gelu_erf_form": (r"$\Phi$ از انتگرال چگالی گاوسی",),
}

PROSE = {
    "activations.prose_relu": "ReLU می‌تواند باعث «مرگ ReLU» شود و مقدار نورون‌ها را در صفر نگه دارد.",
    "activations.prose_prelu": r"$\alpha$ در PReLU پارامتری است که در حین آموزش، برای بهترین دقت، یافته می‌شود.",
    "activations.prose_rrelu": r"$\alpha$ در RReLU تصادفی است و از توزیع یکنواخت روی بازه‌ای از پیش تعیین‌شده "
    "نمونه‌برداری می‌شود تا تابع هزینه کمینه شود (در واقع نمونه‌برداری تصادفی است و هیچ سازوکاری آن را بر پایه‌ی "
    "تابع هزینه انتخاب نمی‌کند).",
    "activations.prose_elu": "خانواده‌ی ELU برای ورودی‌های منفی با شیب نمایی کوچکی کاهش می‌یابد.",
    "activations.gelu_cdf_name": r"$\Phi$ تابع توزیع تجمعی (توزیع نرمال استاندارد) است.",
    "activations.prose_gelu": "GELU از ایده‌ی ترکیب ReLU و دراپ‌اوت پدید آمد (Hendrycks و Gimpel، 2016).",
}
