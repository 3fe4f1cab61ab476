"""Q4, the gradients of a small 1-D convolutional network: the Persian of each reading, caption and summary.

Keyed by claim id (:mod:`convproof.derivations.claims.conv_grads`); the mathematics is the
English's own, character for character. The network itself is described once, at the start of
the question (the edition's ``question_intro``).
"""

from __future__ import annotations

__all__ = ["CAPTIONS", "NOTES", "PROSE"]

_UPSTREAM = (
    r" $\alpha_j$ همان $\partial L/\partial z_j$، یعنی گرادیان بالادستی واقعی است؛ هر مشتق نام‌داری در سمت راست "
    "مقدار واقعی خودش را دارد."
)
_DELTA = r" $\delta_j$ که در گزارش تعریف نشده، به‌صورت $\partial L/\partial v_j = (\hat{y} - y) w_j$ خوانده شده."
_OTHERWISE = " شرط خالی حالت آخر به‌معنای «در غیر این صورت» است."
_BARE_Z = r"$z$ بدون اندیس همان $\max(z_1, z_2)$ است (طبق $\max(0, z_1, z_2) = \max(0, z)$ که خود گزارش نوشته است)."
_EXPANSION = r"مرجع، خروجی شماره‌ی $j$ از هم‌بستگی متقابل معتبر یک‌بعدی $u$ با هسته‌ی $k$، به‌علاوه‌ی $b$ است."
_GENERAL = (
    r"عملگر $\partial/\partial k_i$ ($\partial/\partial b$) به‌صورت $\partial L/\partial k_i$ ($\partial L/\partial b$) "
    r"خوانده شده: گزارش $L$ را انداخته است. $\alpha_j = \partial L/\partial z_j$ گرادیان بالادستی است و "
    r"$m = n - K + 1$ شمار خروجی‌ها، پس $m$ جمله جمع زده می‌شود. کانولوشن همان هم‌بستگی متقابل است، "
    r"$z_j = \sum_l k_l u_{l+j-1} + b$؛ اندازه‌ی هسته به‌صورت $K = i + r$ ($r \ge 0$) نوشته شده تا $i$ اندیس "
    "معتبری برای هسته باشد."
)
_SYMPY_CAPTION = (r"مشتق SymPy، بر حسب $z$ (با قراردادهای PyTorch برای تساوی‌ها)",)

NOTES = {
    "conv_grads.parameters": r"بقیه‌ی سؤال 4 دو فعال‌سازی ادغام‌شده و فقط $w_1$ و $w_2$ را به کار می‌برد "
    r"($\partial L/\partial w_1$، $\partial L/\partial w_2$، $\hat{y} = w_1 v_1 + w_2 v_2 + a$)، پس شبکه با همین دو "
    r"وزن خوانده شده؛ در این صورت $w_3$ پارامتر نیست.",
    "conv_grads.dL_dw1": r"طرف 2 به‌صورت حاصل‌ضرب $(\partial L/\partial \hat{y})(\partial \hat{y}/\partial w_1)$ "
    "خوانده شده.",
    "conv_grads.dL_dz1_chain": r"عملگر $\partial/\partial v_1$ به‌صورت $\partial L/\partial v_1$ خوانده شده (گزارش "
    "$L$ را انداخته است)." + _UPSTREAM,
    "conv_grads.max_nested": "هر طرف همان $v_1$ شبکه است. " + _BARE_Z,
    "conv_grads.dv1_dz1_cases": _BARE_Z + r" حالت نخست چنین خوانده شده: «$z < 0$، پس $z_1, z_2 < 0$» (همه باید "
    "برقرار باشند)؛ هیچ حالتی $z = 0$ را پوشش نمی‌دهد.",
    "conv_grads.dL_dz1_cases": _DELTA.lstrip() + _OTHERWISE,
    "conv_grads.dL_dz3_cases": _DELTA.lstrip() + _OTHERWISE,
    "conv_grads.dL_dz2_chain": "مجموع روی دو مسیر $z_2$." + _DELTA + _UPSTREAM,
    "conv_grads.z2_two_paths": "$z_2$ از راه هر فعال‌سازی ادغام‌شده‌ای که پنجره‌اش آن را در بر دارد به $L$ می‌رسد.",
    "conv_grads.dv1_dz2_cases": "$V_1$ همان $v_1$ است." + _OTHERWISE,
    "conv_grads.dv2_dz2_cases": "$V_2$ همان $v_2$ است." + _OTHERWISE,
    "conv_grads.z1_expansion": _EXPANSION,
    "conv_grads.z2_expansion": _EXPANSION,
    "conv_grads.z3_expansion": _EXPANSION,
    "conv_grads.dL_dk1": _UPSTREAM.lstrip(),
    "conv_grads.dL_dk2": _UPSTREAM.lstrip(),
    "conv_grads.dL_dk3": _UPSTREAM.lstrip(),
    "conv_grads.dL_db": _UPSTREAM.lstrip(),
    "conv_grads.dL_dki_general": _GENERAL,
    "conv_grads.dL_db_general": _GENERAL,
}

CAPTIONS = {
    **{
        f"conv_grads.{name}": _SYMPY_CAPTION
        for name in (
            *("dL_dw1", "dL_dw2", "dL_da", "dL_dz1_chain", "dv1_dz1_cases", "dL_dz1_cases", "dL_dz3_cases"),
            *("dL_dz2_chain", "dv1_dz2_cases", "dv2_dz2_cases", "dL_dk1", "dL_dk2", "dL_dk3", "dL_db"),
        )
    },
    "conv_grads.dL_dki_general": ("لایه", "قاعده‌ی زنجیره‌ای"),
    "conv_grads.dL_db_general": ("لایه", "قاعده‌ی زنجیره‌ای"),
}

PROSE = {
    "conv_grads.prose_mlp": "پس‌انتشار در این شبکه مانند یک MLP است («جان» غلط تایپی «مثل» خوانده شده).",
}
