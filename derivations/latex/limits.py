"""Sizes refused before the parser runs: numbers too large to compute, sums and products too long.

The parser evaluates what it reads: ``10^{10^{10}}`` becomes an integer of ten billion
digits, ``(10^{9})!`` a factorial, before any check could stop it. :func:`check_sizes`
estimates, from the text alone, the size of every power, factorial and binomial whose
operands are plain numbers, and the number of terms of every ``\\sum`` and ``\\prod``
with numeric limits:

- a number written with numbers alone may have at most :data:`MAX_DIGITS` digits
  (``2^{33000}`` is refused; ``2^{30000}``, 9,031 digits, is read);
- a power of a symbol may have an exponent of at most :data:`MAX_DIGITS` in size
  (``x^{10^{10}}``);
- a ``\\prod`` may have at most :data:`MAX_TERMS` terms with numeric limits; a longer
  ``\\sum`` is read as its closed form (a polynomial or rational function of its upper
  limit, :func:`convproof.derivations.latex.long_sums.long_sums`), never summed term by term, and refused when it has none.

Estimates are upper bounds computed in floating point on logarithms, so a refusal takes
microseconds whatever the number. The report's formulas are far inside these bounds.
"""

from __future__ import annotations

import math
import re

from ..errors import LatexParseError

__all__ = ["MAX_DIGITS", "MAX_TERMS", "check_sizes", "digits"]

MAX_DIGITS = 10_000
MAX_TERMS = 10_000

_TOKEN = re.compile(
    r"\s+|\\[,;:! ]|(?P<num>\d+(?:\.\d*)?|\.\d+)|(?P<cmd>\\(?:cdot|times|frac|dfrac|tfrac|binom|left|right))(?![A-Za-z])"
    r"|(?P<op>[-+*/()\[\]{}^!])"
)
_LIMIT_COMMANDS = re.compile(r"\\(?:sum|prod|int|oint|lim|max|min|sup|inf|bigcup|bigcap|coprod)\s*$")


class _Symbolic(Exception):
    """The text is not made of numbers alone."""


def _tokens(text: str) -> list[str]:
    out, pos = [], 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise _Symbolic
        if match.lastgroup in ("num", "cmd", "op"):
            token = match.group(0)
            if token not in (r"\left", r"\right"):
                out.append("[" if token == "{" else "]" if token == "}" else token)
        pos = match.end()
    return out


def _power(base: float, exponent: float) -> float:
    """log10 |b^e| (an upper bound) from log10 |b| and log10 |e|."""
    if base <= 0:
        return 0.0
    return math.inf if exponent > 300 else base * 10**exponent


def _factorial(n: float) -> float:
    return math.inf if n > 300 else math.lgamma(10**n + 1) / math.log(10)


def _binomial(n: float, k: float) -> float:
    if n > 300:
        return math.inf
    top, low = 10**n, min(10**k, 10**n / 2)
    return min(top * math.log10(2), low * math.log10(math.e * top / max(low, 1)))


class _Reader:
    """log10 of the largest absolute value a numeric text can denote (0 for values up to 1)."""

    def __init__(self, text: str, quoted: str) -> None:
        self.items, self.pos, self.quoted = _tokens(text), 0, quoted

    def peek(self) -> str | None:
        return self.items[self.pos] if self.pos < len(self.items) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise _Symbolic
        self.pos += 1
        return token

    def whole(self) -> float:
        value = self.expr()
        if self.peek() is not None:
            raise _Symbolic
        return value

    def expr(self) -> float:
        value, terms = self.term(), 1
        while self.peek() in ("+", "-"):
            self.take()
            value, terms = max(value, self.term()), terms + 1
        return value + math.log10(terms) if terms > 1 else value

    def term(self) -> float:
        value = self.factor()
        while self.peek() in ("*", "/", r"\cdot", r"\times"):
            divide = self.take() == "/"
            other = self.factor()
            value = max(value, other) if divide else value + other
        return value

    def factor(self) -> float:
        while self.peek() in ("+", "-"):
            self.take()
        value = self.atom()
        while self.peek() in ("^", "!"):
            if self.take() == "!":
                value = self.limit(_factorial(value))
            elif self.peek() == "[":
                value = self.limit(_power(value, self.group()))
            else:
                token = self.take()
                if not token[:1].isdigit():
                    raise _Symbolic
                value = self.limit(_power(value, math.log10(max(int(token[0]), 1))))
        return value

    def group(self) -> float:
        self.take("[")
        value = self.expr()
        self.take("]")
        return value

    def atom(self) -> float:
        token = self.peek()
        if token is None:
            raise _Symbolic
        if token[0].isdigit() or token[0] == ".":
            self.take()
            return math.log10(max(float(token), 1.0)) if len(token) < 300 else len(token.split(".")[0])
        if token in ("(", "["):
            self.take()
            value = self.expr()
            self.take(")" if token == "(" else "]")
            return value
        if token in (r"\frac", r"\dfrac", r"\tfrac"):
            self.take()
            return max(self.group(), self.group())
        if token == r"\binom":
            self.take()
            return self.limit(_binomial(self.group(), self.group()))
        raise _Symbolic

    def limit(self, value: float) -> float:
        if value > MAX_DIGITS:
            raise _too_big(self.quoted, value)
        return value


def _too_big(quoted: str, log10: float) -> LatexParseError:
    size = "more than 10^300" if math.isinf(log10) else f"about {log10:,.0f}"
    return LatexParseError(
        f"the LaTeX {quoted} denotes a number of {size} digits; the front computes numbers of at most "
        f"{MAX_DIGITS:,} digits: write such a number with a symbol and declare it"
    )


def digits(text: str, quoted: str = "''") -> float | None:
    """log10 of the largest number ``text`` can denote, or None when it is not made of numbers alone.

    >>> round(digits("2^{10}"), 2), digits("x + 1")
    (3.01, None)
    >>> digits(r"(10^{9})!")
    Traceback (most recent call last):
    ...
    convproof.derivations.errors.LatexParseError: the LaTeX '' denotes a number of about 8,565,705,523 digits; ...
    """
    try:
        return _Reader(text, quoted).whole()
    except _Symbolic:
        return None


def _closing(text: str, end: int) -> int | None:
    """The position of the bracket that opens the group closing at ``end``."""
    pairs, depth = {"}": "{", ")": "(", "]": "["}, 0
    for pos in range(end, -1, -1):
        if text[pos] in "})]":
            depth += 1
        elif text[pos] in "{([":
            depth -= 1
            if depth == 0:
                return pos if text[pos] == pairs[text[end]] else None
    return None


def _before(text: str, end: int) -> tuple[str | None, int]:
    """The operand that ends just before ``end`` (a number or a bracket group): (its text, its start)."""
    pos = end - 1
    while pos >= 0 and text[pos].isspace():
        pos -= 1
    if pos < 0:
        return None, 0
    if text[pos] in "})]":
        start = _closing(text, pos)
        return (None, 0) if start is None else (text[start : pos + 1], start)
    start = pos
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] == "."):
        start -= 1
    return (text[start : pos + 1], start) if text[pos].isdigit() else (None, pos)


def _after(text: str, start: int) -> str | None:
    pos = start
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text) or text[pos] == "\\":
        return None
    if text[pos] != "{":
        return text[pos]
    depth = 0
    for end in range(pos, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            return text[pos : end + 1]
    return None


def check_sizes(latex: str, quoted: str) -> None:
    """Refuse a number, an exponent or a product too large to compute (see the module docstring).

    >>> check_sizes(r"\\sum_{i=1}^{10^{9}} i + 2^{30000} + x^{100} + \\binom{100}{50}", "'...'")
    >>> check_sizes(r"9^{9^{9}}", "'9^{9^{9}}'")
    Traceback (most recent call last):
    ...
    convproof.derivations.errors.LatexParseError: the LaTeX '9^{9^{9}}' denotes a number of about 369,693,100 digits; ...
    """
    for match in re.finditer(r"\^|(?<!\\)!|\\binom(?![A-Za-z])", latex):
        at = match.start()
        if match.group() == r"\binom":
            digits(latex[at:], quoted)  # the binomial and whatever follows it, if all numeric
            first = _after(latex, at + len(match.group()))
            second = _after(latex, at + len(match.group()) + len(first or "")) if first else None
            if first and second:
                digits(r"\binom" + first + second, quoted)
            continue
        base, start = _before(latex, at)
        if match.group() == "!":
            if base is not None:
                digits(base + "!", quoted)
            continue
        exponent = _after(latex, at + 1)
        if exponent is None:
            continue
        size = digits(exponent, quoted)
        if base is None:
            head = re.sub(r"_\s*[A-Za-z0-9]\s*$", "", latex[:at]).rstrip()
        else:
            head = latex[:start].rstrip()
            head = head[:-1].rstrip() if head.endswith("_") else ""
        if _LIMIT_COMMANDS.search(head):
            if size is not None and size > math.log10(MAX_TERMS) and re.search(r"\\prod\s*$", head):
                raise LatexParseError(
                    f"the LaTeX {quoted} multiplies up to {_number(size)} terms; the front reads products of at most "
                    f"{MAX_TERMS:,} terms with numeric limits: write the bound as a declared symbol"
                )
            continue
        numeric = None
        if base is not None and not latex[start - 1 : start].isalpha() and latex[start - 1 : start] not in ("_", "\\"):
            numeric = digits(f"{{{base}}}^{exponent}", quoted)
        if numeric is None and size is not None and size > math.log10(MAX_DIGITS):
            raise LatexParseError(
                f"the LaTeX {quoted} raises a symbol to a power of {_number(size)}; the front reads exponents of at "
                f"most {MAX_DIGITS:,}: write the exponent as a declared symbol"
            )


def _number(log10: float) -> str:
    return f"about 10^{log10:.0f}" if log10 > 15 else f"{round(10**log10):,}"
