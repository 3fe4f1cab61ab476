"""The English convproof writes about each claim has its mathematics as inline LaTeX, never ASCII.

The audit's renderer (``reports.latex.mixed``) sets the ``$...$`` parts of a note, a prose
summary, a derivation caption or a claimed part's label as math and escapes the rest as
text. ASCII mathematics (``yhat``, ``z_2**2``, ``sqrt(n)``, ``x >= 0``) would be printed as
it stands, and a stray ``$`` (a price) would open math that never closes.
"""

from __future__ import annotations

import re

import pytest

from convproof.derivations.claims import registry

# Code names that keep their underscore in text (PyTorch's parameters), besides the claim ids.
CODE_NAMES = frozenset({"negative_slope", "max_val", "min_val"})
# ASCII for what LaTeX has a symbol for: \ge, \le, \pm, \leftarrow, \ne
_ASCII_OPERATORS = (">=", "<=", "+-", "<-", "!=")
# two words in a row inside math: a sentence (or a price's text) set as math
_WORDS_IN_MATH = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{2,} +[A-Za-z]{2,}")


def _balanced(math: str) -> bool:
    depth = 0
    for match in re.finditer(r"(?<!\\)[{}]", math):
        depth += 1 if match.group(0) == "{" else -1
        if depth < 0:
            return False
    sizes = [len(re.findall(rf"\\{word}(?![A-Za-z])", math)) for word in ("left", "right")]  # not \leftarrow
    return depth == 0 and sizes[0] == sizes[1]


def prose_problems(text: str, code_names: frozenset[str] = CODE_NAMES) -> list[str]:
    """What is wrong with ``text`` as the audit's English, one line per problem (empty when nothing is).

    ``code_names`` (claim ids, PyTorch's parameter names) may keep an underscore in the text.
    """
    problems = []
    if text.count("$") % 2:
        problems.append("an odd number of '$' (a literal '$', or an unclosed formula)")
    hints = {"**": "^", "yhat": r"$\hat{y}$", "haty": r"$\hat{y}$", "sqrt(": r"$\sqrt{...}$", "heaviside": "a step"}
    for ascii_math, hint in hints.items():  # SymPy's and Python's spellings
        if ascii_math in text.lower():
            problems.append(f"{ascii_math!r} (write {hint})")
    pieces = re.split(r"(\$[^$]*\$)", text)
    for position, piece in enumerate(pieces):
        if position % 2:
            math = piece[1:-1]
            if not math.strip():
                problems.append("an empty formula '$$'")
            elif not _balanced(math):
                problems.append(f"unbalanced braces in {piece!r}")
            elif _WORDS_IN_MATH.search(re.sub(r"\\[A-Za-z]+(\{[^{}]*\})?", " ", math)):
                problems.append(f"words inside math in {piece!r}")
            continue
        plain = piece
        for name in sorted(code_names, key=len, reverse=True):  # a claim id before a shorter one inside it
            plain = plain.replace(name, "")
        for mark in ("^", "_"):
            if mark in plain:
                problems.append(f"{mark!r} outside math: {piece.strip()!r}")
        problems.extend(f"{op!r} outside math: {piece.strip()!r}" for op in _ASCII_OPERATORS if op in plain)
    return problems


def _shown() -> list[tuple[str, str, str]]:
    """Every English text of every registered claim, as (claim id, kind, text)."""
    out = []
    for claim in registry.all_claims():
        out += [(claim.id, "note", claim.note), (claim.id, "prose", claim.prose)]
        out += [(claim.id, "derivation caption", caption) for caption, _ in claim.derivation]
        out += [(claim.id, "claimed label", label) for label, _ in claim.claimed]  # a counterexample's part
    return [entry for entry in out if entry[2]]


def _code_names() -> frozenset[str]:
    return CODE_NAMES | frozenset(c.id for c in registry.all_claims())


def test_claim_prose_has_its_mathematics_in_latex():
    names = _code_names()
    bad = [f"{cid} {kind}: {problems}" for cid, kind, text in _shown() if (problems := prose_problems(text, names))]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ("the sign of y_i - yhat_i does not matter", "yhat"),
        ("the sign of $y_i - \\hat{y}_i$ and of haty", "haty"),
        ("it is z_2**2", "**"),
        ("its value is sqrt(sum (y - yhat)^2 / sum yhat^2)", "sqrt("),
        ("SymPy gives Heaviside(0, 1/2) there", "heaviside"),
        ("read as x^2 here", "'^' outside math"),
        ("the gradient dL/dw_1 is", "'_' outside math"),
        ("x for x >= 0", "'>=' outside math"),
        ("no value at x = +-lambda", "'+-' outside math"),
        ("sales averaging $10,000 per month", "odd number"),
        ("sales of $10,000 with an RMSE of $1,000", "words inside math"),
        (r"the formula $\frac{1}{2$ here", "unbalanced"),
        (r"the formula $\left(x$ here", "unbalanced"),
        ("an empty $$ formula", "empty formula"),
    ],
)
def test_a_planted_bad_note_is_caught(bad, problem):
    found = prose_problems(bad)
    assert any(problem in p for p in found), found


def test_good_prose_passes():
    good = (
        r"torch.nn.LeakyReLU, its negative_slope being $\alpha$; see activations.selu_constants. "
        r"Output of Pool-2 ($H \times W \times C$); $\sup_x |\text{approximation} - \text{GELU}|$."
    )
    assert prose_problems(good, _code_names()) == []
