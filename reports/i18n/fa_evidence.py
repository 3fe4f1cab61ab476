"""The appendix's evidence in Persian: every check's ``method`` and ``detail``, translated.

The checks write what they did and found as short English with the mathematics between
dollars (:mod:`convproof.derivations.checks.wording`). Each sentence they can produce has a
pattern here: a compiled regex of the English and a Persian template in which ``<name>``
stands for the English group ``name``, converted by the group's prefix:

- ``l_``: a claimed part's label, or a comma-separated list of them (:data:`TERMS`);
- ``t_``: one term of a closed vocabulary (a layer, a convention, a reason; :data:`TERMS`);
- ``e_``: a nested method or detail, translated by :func:`persian_evidence` itself;
- ``m_``: formulas in a list (``$a$, $b$ and $c$``), joined the Persian way;
- any other group is kept as it is (numbers, formulas, identifiers).

A sentence no pattern matches as a whole is cut at its ``; `` and translated clause by clause.
Latin names that Persian technical writing keeps stay Latin (:data:`ALLOWED_LATIN`); prose
digits stay Western here, the renderer makes them Persian.

>>> persian_evidence("fails for 11 of 12 sizes, e.g. $n = 2$")
'برای 11 اندازه از 12 اندازه نادرست است، مثلاً $n = 2$'
>>> persian_evidence("no difference on the grid, with $\\\\alpha = 1/4$")
'روی شبکه هیچ تفاوتی نیست، با $\\\\alpha = 1/4$'
>>> persian_evidence("a sentence nobody wrote") is None
True
"""

from __future__ import annotations

import re

from .fa_evidence_activations import PATTERNS as _ACTIVATIONS
from .fa_evidence_checks import PATTERNS as _CHECKS
from .fa_evidence_layers import PATTERNS as _LAYERS
from .fa_evidence_metrics import PATTERNS as _METRICS
from .fa_evidence_misc import PATTERNS as _MISC
from .fa_evidence_prose import PATTERNS as _PROSE
from .fa_evidence_terms import TERM_PATTERNS, TERMS

__all__ = ["ALLOWED_LATIN", "PATTERNS", "latin_words", "persian_evidence"]

PATTERNS: tuple[tuple[re.Pattern, str], ...] = (*_CHECKS, *_METRICS, *_ACTIVATIONS, *_LAYERS, *_MISC, *_PROSE)

# Latin words a Persian sentence may keep: libraries, methods, identifiers, acronyms
ALLOWED_LATIN = frozenset(
    {
        *("PyTorch", "NumPy", "SymPy", "Arb", "mpmath", "lambdify", "Keras", "IndexedBase", "ValueError", "None"),
        *("float64", "autograd", "rsolve", "mse_loss", "conv1d", "max_pool1d", "conv1d_param_grads"),
        *("ReLU", "PReLU", "RReLU", "ELU", "GELU", "SELU", "MLP", "CNN", "GAN", "MSE", "RMSE", "NRMSE", "RRMSE"),
        *("relu", "prelu", "rrelu", "leaky_relu", "elu", "selu", "gelu", "silu", "softplus", "mish", "hardswish"),
        *("sigmoid", "softsign", "tanh", "hardtanh", "hardsigmoid", "tanhshrink", "softshrink", "hardshrink"),
        *("logsigmoid", "negative_slope", "alpha", "weight", "bias", "running_mean", "running_var"),
        *("num_batches_tracked", "Dropout", "Dropout2d", "Dropout3d", "Dropout2D", "Dropout3D", "BatchNorm2d"),
        *("torch.nn.Dropout", "torch.nn.Dropout2d", "torch.nn.Dropout3d", "torch.nn.BatchNorm1d"),
        *("torch.nn.BatchNorm2d", "torch.nn.LeakyReLU", "torch.nn.ELU", "convproof", "verify", "oracle"),
    }
)
_MATH = re.compile(r"\$[^$]*\$")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*")
_CLAUSE = re.compile(r"; (?=(?:[^$]*\$[^$]*\$)*[^$]*$)")  # a "; " outside formulas
_ITEM = re.compile(r",\s+(?![^()]*\))(?=(?:[^$]*\$[^$]*\$)*[^$]*$)")  # a ", " outside parentheses and formulas
_PLACEHOLDER = re.compile(r"<(\w+)>")


def latin_words(text: str) -> list[str]:
    """The Latin words of ``text`` outside its formulas that :data:`ALLOWED_LATIN` does not allow.

    >>> latin_words("تابع relu در PyTorch با $x = 1$"), latin_words("بررسی the grid")
    ([], ['the', 'grid'])
    """
    return [word for word in _WORD.findall(_MATH.sub(" ", text)) if word not in ALLOWED_LATIN]


def _match(text: str, table) -> str | None:
    for pattern, template in table:
        found = pattern.fullmatch(text)
        if found:
            return _fill(template, found)
    return None


def _term(text: str) -> str | None:
    """One label or term: exact, a term pattern, or a formula kept as it is."""
    if text in TERMS:
        return TERMS[text]
    if _MATH.fullmatch(text):
        return text
    return _match(text, TERM_PATTERNS)


def _labels(text: str) -> str | None:
    """A label, or a comma-separated list of labels."""
    whole = _term(text)
    if whole is not None:
        return whole
    items = [_term(item) for item in _ITEM.split(text)]
    return None if None in items else "، ".join(items)


def _formulas(text: str) -> str:
    """``$a$, $b$ and $c$`` as Persian lists them: ``$a$، $b$ و $c$``."""
    pieces = re.split(r"(\$[^$]*\$)", text)
    return "".join(p if i % 2 else p.replace(", ", "، ").replace(" and ", " و ") for i, p in enumerate(pieces))


def _convert(name: str, value: str) -> str | None:
    if name.startswith("l_"):
        return _labels(value)
    if name.startswith("t_"):
        return _term(value)
    if name.startswith("e_"):
        return persian_evidence(value)
    if name.startswith("m_"):
        return _formulas(value)
    return value


def _fill(template: str, found: re.Match) -> str | None:
    values = {}
    for name, value in found.groupdict().items():
        values[name] = "" if value is None else _convert(name, value)
        if values[name] is None:
            return None
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def persian_evidence(text: str) -> str | None:
    """The Persian of a check's method or detail; None when no pattern reads it."""
    whole = _match(text, PATTERNS)
    if whole is not None or "; " not in text:
        return whole
    clauses = [_match(clause, PATTERNS) for clause in _CLAUSE.split(text)]
    return None if None in clauses else "؛ ".join(clauses)
