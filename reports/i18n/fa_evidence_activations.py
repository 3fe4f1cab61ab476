"""Persian evidence of the Q1(b) checks: PyTorch as oracle, SELU's constants, GELU's certified bounds."""

from __future__ import annotations

from .fa_evidence_terms import table

__all__ = ["PATTERNS"]

PATTERNS = table(
    # derivations/claims/activations/builder.py and text.py
    (
        "PyTorch's selu in float64 against the derived constants",
        "تابع selu در PyTorch با float64 در برابر ثابت‌های اشتقاق‌شده",
    ),
    (
        r"PyTorch's (?P<t_function>[a-z_]+(?: \(tanh approximation\))?) in float64",
        "تابع <t_function> در PyTorch با float64",
    ),
    (
        r"the default of (?P<t_parameter>\w+) in the signature of (?P<layer>torch\.nn\.\w+)",
        "مقدار پیش‌فرض <t_parameter> در امضای <layer>",
    ),
    (
        "PyTorch's default (?P<t_parameter>\\w+) is (?P<value>MATH)",
        "مقدار پیش‌فرض <t_parameter> در PyTorch برابر <value> است",
    ),
    # derivations/claims/activations/selu.py
    (
        r"closed form against mpmath quadrature and Newton's method at (?P<n>\d+) digits",
        "صورت صریح در برابر انتگرال‌گیری عددی mpmath و روش نیوتن با <n> رقم",
    ),
    ("(?P<m_values>MATH(?:, MATH)+)", "<m_values>"),
    (r"the two routes agree to (?P<k>\d+) of (?P<n>\d+) digits", "دو راه تا <k> رقم از <n> رقم با هم می‌خوانند"),
    (
        "output mean and variance by Simpson quadrature at chosen (?P<pair>MATH)",
        "میانگین و واریانس خروجی با انتگرال‌گیری سیمپسون به ازای <pair> انتخاب‌شده",
    ),
    (
        r"(?P<k>\d+) of (?P<n>\d+) chosen pairs leave the fixed point (?P<point>MATH)",
        "<k> زوج از <n> زوج انتخاب‌شده نقطه‌ی ثابت <point> را ترک می‌کنند",
    ),
    ("the derived pair keeps it", "زوج اشتقاق‌شده آن را نگه می‌دارد"),
    # derivations/claims/activations/gelu.py
    (
        r"Arb branch and bound on (?P<interval>MATH) and a proven tail; the error is even in \$x\$",
        "روش انشعاب و تحدید با حساب بازه‌ای Arb روی <interval> همراه با کرانی اثبات‌شده برای دنباله؛ خطا تابعی زوج از $x$ است",
    ),
    ("(?P<what>MATH) at (?P<x>MATH)", "<what> در <x>"),
    ("sup error in (?P<interval>MATH) at (?P<x>MATH)", "سوپریمم خطا در بازه‌ی <interval>، در نقطه‌ی <x>"),
    ("beyond (?P<x>MATH) the tail is at most (?P<tail>MATH)", "فراتر از <x> خطای دنباله حداکثر <tail> است"),
    ("error at (?P<x>MATH): (?P<error>MATH)", "خطا در <x>: <error>"),
    (
        r"relative error on (?P<positive>MATH) at most (?P<bound>MATH) \(at (?P<x>MATH)\), "
        "unbounded relative to GELU's decay on (?P<negative>MATH)",
        "خطای نسبی روی <positive> حداکثر <bound> است (در <x>) و نسبت به میرایی GELU روی <negative> بی‌کران است",
    ),
    (r"(?P<n>\d+) interval evaluations", "<n> ارزیابی با حساب بازه‌ای"),
    (
        "golden-section search in floating point, then Arb: the sup error at the constant and one step either side",
        "جست‌وجوی نسبت طلایی با ممیز شناور، سپس Arb: سوپریمم خطا در خود ثابت و یک گام در هر سوی آن",
    ),
    (
        "minimax (?P<t_name>cubic coefficient|scale) (?P<constant>MATH): sup error in (?P<interval>MATH) at (?P<x>MATH)",
        "<t_name> مینیماکس <constant>: سوپریمم خطا در بازه‌ی <interval>، در نقطه‌ی <x>",
    ),
    (
        "one step below (?P<below>MATH), one step above (?P<above>MATH)",
        "یک گام پایین‌تر <below> و یک گام بالاتر <above>",
    ),
    ("the published (?P<constant>MATH) gives (?P<error>MATH)", "مقدار منتشرشده‌ی <constant> خطای <error> می‌دهد"),
)
