"""The closed vocabularies inside the evidence: claimed parts' labels, layers, conventions, reasons.

A pattern of :mod:`convproof.reports.i18n.fa_evidence` marks such a group ``l_`` or ``t_``;
its Persian is looked up here, exactly (:data:`TERMS`) or by a pattern (:data:`TERM_PATTERNS`).
"""

from __future__ import annotations

import re

from .fa_claims import LABELS

__all__ = ["TERMS", "TERM_PATTERNS", "table"]

# a formula of the English, wherever a pattern writes MATH
_MATH = r"\$[^$]+\$"


def table(*pairs: tuple[str, str]) -> tuple[tuple[re.Pattern, str], ...]:
    """Compile (English regex, Persian template) pairs; ``MATH`` in a regex stands for one ``$...$``."""
    return tuple((re.compile(english.replace("MATH", _MATH)), persian) for english, persian in pairs)


TERMS = {
    **LABELS,  # the labels of claimed parts and of the parts a check names: one table (fa_claims)
    # other closed vocabularies
    "no axis": "هیچ",
    "none": "هیچ",
    "cubic coefficient": "ضریب جمله‌ی درجه‌ی سوم",
    "scale": "ضریب مقیاس",
    "flagged": "ناهنجار شناخته شد",
    "not flagged": "ناهنجار شناخته نشد",
    "is the same": "یکسان است",
    "differs": "متفاوت است",
    "are": "هستند",
    "are not": "نیستند",
    "changes": "تغییر می‌کند",
    "does not change": "تغییر نمی‌کند",
    "depends": "وابسته است",
    "does not depend": "وابسته نیست",
    "each with a non-zero gradient": "همه با گرادیان ناصفر",
    "not all with a non-zero gradient": "نه همه با گرادیان ناصفر",
    "Expected more than 1 value per channel when training": "در حالت آموزش برای هر کانال بیش از یک مقدار لازم است",
    "Keras (momentum 0.99 on the old value)": "قرارداد Keras (تکانه‌ی 0.99 روی مقدار پیشین)",
    "PyTorch (momentum 0.1 on the new value)": "قرارداد PyTorch (تکانه‌ی 0.1 روی مقدار تازه)",
    "PyTorch with momentum=None (a cumulative average)": "قرارداد PyTorch با تکانه‌ی None (میانگین تجمعی)",
    "gelu (tanh approximation)": "gelu (تقریب tanh)",
}

TERM_PATTERNS = table(
    (r"side (?P<n>\d+)", "طرف <n>"),
    (r"mutant (?P<n>\d+)", "جهش‌یافته‌ی <n>"),
    (r"NumPy (?P<layer>\w+)", "<layer> در NumPy"),
    (r"(?P<layer>torch\.nn\.\w+)", "<layer>"),
    (r"(?P<name>[a-z][a-z0-9_]*)", "<name>"),  # an identifier (a PyTorch function, an argument)
    (r"(?P<m_names>\w+(?:, \w+)* and \w+)", "<m_names>"),  # identifiers listed: a, b and c
    (r"(?P<l_what>.+), with (?P<given>MATH)", "<l_what>، با <given>"),
    ("(?P<value>MATH) at (?P<at>MATH)", "<value> به ازای <at>"),  # a value and where it was found
)
