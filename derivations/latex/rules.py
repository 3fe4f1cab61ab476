"""Structural rules of the LaTeX front: what the parser cannot read at all.

:func:`expand` runs before :func:`convproof.derivations.latex.normalise.normalise` and rewrites
whole constructs, each into a placeholder symbol (held aside until the
formula is parsed) or into plain LaTeX:

- ``\\frac{\\partial A}{\\partial B}`` becomes one named symbol ``dA/dB``
  (``dL/dw_1``; ``\\frac{\\partial}{\\partial k_i}`` gives ``d/dk_i``), whose
  value the claim defines by declaring that name;
- ``cases`` becomes a ``Piecewise``. A row is ``value & condition``
  (``value, & condition`` too); a condition may start with ``\\text{if }``,
  list several relations with commas (all must hold; ``z_1, z_2 < 0``
  shares the relation), or chain them with ``\\Rightarrow`` (read as: the
  first, hence the rest; all must hold); an empty condition or
  ``\\text{otherwise}`` is the catch-all;
- ``aligned`` rows continuing with ``&=`` are joined into one chain;
- a leading ``\\Rightarrow`` (a step of an argument) is dropped.

After parsing, :func:`indexed_name` reads ``u_{i+1}`` as ``u[i + 1]`` when
``u`` is declared as an ``IndexedBase``, and :func:`bind_indices` makes a sum
bind the declared index. Sums written with ``\\dots`` are
:mod:`convproof.derivations.latex.ellipsis`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sympy as sp

from ..errors import LatexParseError
from .normalise import group, split_top

__all__ = ["bind_indices", "expand", "find_environment", "indexed_name"]

Held = dict[sp.Symbol, sp.Basic]

_RELATION = re.compile(r"<|>|\\(?:leq?|geq?|neq?|lt|gt)(?![A-Za-z])")
# "\text{if }" as people write it, "\text{for}\: " as sympy.latex prints it
_IF = re.compile(r"^(?:\\[,;:! ]|\\q?quad(?![A-Za-z])|\s)*(?:\\text\{\s*(?:if|for)\s*\}(?:\\[,;:! ]|\s)*)?\s*")
_CATCH_ALL = re.compile(r"^(?:\\text\{\s*(?:otherwise|else)\.?\s*\}|otherwise|else)?\.?$")


def find_environment(text: str, name: str) -> tuple[int, int, str] | None:
    """The innermost-first ``\\begin{name}...\\end{name}``: (start, end, body).

    >>> find_environment(r"x = \\begin{cases} 1 & a \\end{cases}", "cases")
    (4, 35, ' 1 & a ')
    """
    begin, end = f"\\begin{{{name}}}", f"\\end{{{name}}}"
    close = text.find(end)
    if close < 0:
        return None
    start = text.rfind(begin, 0, close)
    if start < 0:
        raise LatexParseError(f"'{end}' without its '{begin}' in {text!r}")
    return start, close + len(end), text[start + len(begin) : close]


def _hold(held: Held, kind: str, value: sp.Basic) -> str:
    token = sp.Symbol(f"convproof{kind}{len(held)}")
    held[token] = value
    return f" \\text{{{token.name}}} "


def _partials(text: str, held: Held) -> str:
    out, pos = [], 0
    for match in re.finditer(r"\\frac(?![A-Za-z])", text):
        if match.start() < pos:
            continue
        top = group(text, match.end())
        bottom = group(text, top[1]) if top else None
        if not (
            top and bottom and top[0].lstrip().startswith("\\partial") and bottom[0].lstrip().startswith("\\partial")
        ):
            continue
        names = [re.sub(r"\\partial(?![A-Za-z])|\\|\s", "", part[0]) for part in (top, bottom)]
        if "^" in top[0]:
            continue  # higher derivatives are not named here
        out.append(text[pos : match.start()])
        out.append(_hold(held, "partial", sp.Symbol(f"d{names[0]}/d{names[1]}")))
        pos = bottom[1]
    out.append(text[pos:])
    return "".join(out)


def _relations(condition: str) -> list[str]:
    """``z_1, z_2 < 0`` -> ``['z_1 < 0', 'z_2 < 0']``: a bare name shares the next relation."""
    pieces = [p for p in split_top(condition, ",") if p]
    out: list[str] = []
    pending: list[str] = []
    for piece in pieces:
        found = _RELATION.search(piece)
        if found is None:
            pending.append(piece)
            continue
        out.extend(f"{name} {piece[found.start() :]}" for name in pending)
        out.append(piece)
        pending = []
    if pending:
        raise LatexParseError(f"the condition {condition!r} lists {', '.join(pending)} without a relation")
    return out


def _condition(text: str, parse_piece: Callable[[str], sp.Basic], original: str) -> sp.Basic:
    text = _IF.sub("", text.strip(), count=1).strip()
    if _CATCH_ALL.match(text):
        return sp.true
    if len(alternatives := split_top(text, "\\vee")) > 1:
        return sp.Or(*(_condition(part, parse_piece, original) for part in alternatives))
    text = re.sub(r"\\(?:wedge|land)(?![A-Za-z])", ",", text)
    parts = [rel for step in split_top(text, "\\Rightarrow") for rel in _relations(step)]
    parsed = [parse_piece(rel) for rel in parts]
    if not all(isinstance(p, (sp.core.relational.Relational, sp.logic.boolalg.Boolean)) for p in parsed):
        raise LatexParseError(f"the cases condition {text!r} in {original!r} is not a relation such as 'x < 0'")
    return sp.And(*parsed)


def _cases(body: str, parse_piece: Callable[[str], sp.Basic], original: str) -> sp.Piecewise:
    rows = [row for row in split_top(body, "\\\\") if row]
    if not rows:
        raise LatexParseError(f"an empty cases environment in {original!r}")
    pieces = []
    for row in rows:
        cells = split_top(row, "&")
        if len(cells) != 2:
            raise LatexParseError(f"the cases row {row!r} in {original!r} needs 'value & condition'")
        value = parse_piece(cells[0].rstrip().rstrip(","))
        pieces.append((value, _condition(cells[1], parse_piece, original)))
    return sp.Piecewise(*pieces)


def _aligned(body: str, original: str) -> str:
    rows = [row.replace("&", " ").strip() for row in split_top(body, "\\\\") if row.strip()]
    for row in rows[1:]:
        if not re.match(r"=|<|>|\\(?:leq?|geq?|approx)(?![A-Za-z])", row):
            raise LatexParseError(f"the aligned block {original!r} holds several equations; parse each row on its own")
    return " ".join(rows)


def expand(latex: str, parse_piece: Callable[[str], sp.Basic]) -> tuple[str, Held]:
    """Rewrite the structures above; return the LaTeX and the held objects.

    ``parse_piece`` parses one fragment (a cases value or condition).

    >>> from convproof.derivations.latex.front import parse
    >>> import sympy as sp
    >>> x = sp.Symbol("x", real=True)
    >>> parse(r"\\begin{cases} x & \\text{if } x \\geq 0 \\\\ 0 & \\text{otherwise} \\end{cases}", {"x": x})
    Piecewise((x, x >= 0), (0, True))
    >>> parse(r"\\begin{cases} 0, & x < 0 \\\\ x, & x \\geq 0 \\end{cases}", {"x": x})
    Piecewise((0, x < 0), (x, True))
    >>> text, held = expand(r"\\Rightarrow \\frac{\\partial L}{\\partial w_1} = v_1", lambda t: None)
    >>> text.split(), list(held.values())
    (['\\\\text{convproofpartial0}', '=', 'v_1'], [dL/dw_1])
    """
    text = re.sub(r"^(\s*\$*\s*)\\(?:Rightarrow|implies)(?![A-Za-z])", r"\1", latex)
    held: Held = {}
    text = _partials(text, held)
    while (found := find_environment(text, "cases")) is not None:
        start, end, body = found
        piecewise = _cases(body, lambda t: parse_piece(t).xreplace(held), latex)
        text = text[:start] + _hold(held, "cases", piecewise) + text[end:]
    # "x \left(\begin{cases}...\right)", as sympy.latex prints x*Piecewise, is a product, not an application x(...)
    text = re.sub(
        r"(?:\\left)?\(\s*(\\text\{convproof\w+\})\s*(?:\\right)?\)",
        lambda m: m.group(0) if text[: m.start()].rstrip().endswith("{") else f" {m.group(1)} ",
        text,
    )
    while (found := find_environment(text, "aligned")) is not None:
        start, end, body = found
        text = text[:start] + _aligned(body, latex) + text[end:]
    return text, held


def indexed_name(name: str, symbols: dict, parse_sub: Callable[[str], sp.Basic]) -> sp.Basic | None:
    """``u_{i+1}`` as ``u[i + 1]`` when ``symbols['u']`` is an IndexedBase, else None.

    >>> u, i = sp.IndexedBase("u"), sp.Symbol("i")
    >>> indexed_name("u_{i+1}", {"u": u, "i": i}, lambda t: sp.sympify(t, locals={"i": i}))
    u[i + 1]
    >>> indexed_name("v_1", {"u": u}, sp.sympify) is None
    True
    >>> indexed_name("hat{y}_i", {"hat{y}": sp.IndexedBase("yhat"), "i": i}, sp.sympify)
    yhat[i]
    """
    # an accented base (hat{y}) as the parser names \hat{y}
    match = re.fullmatch(r"([A-Za-z]+(?:\{[A-Za-z]+\})?)_(?:\{(.+)\}|(\w))", name)
    if match is None or not isinstance(symbols.get(match.group(1)), sp.IndexedBase):
        return None
    sub = match.group(2) or match.group(3)
    if sub.isdigit():
        return symbols[match.group(1)][int(sub)]
    return symbols[match.group(1)][symbols[sub] if sub in symbols else parse_sub(sub)]


def bind_indices(expr: sp.Basic, symbols: dict) -> sp.Basic:
    """Sums and products over the declared index of the same name.

    The parser binds a fresh ``i``; ``u_{i}`` in the body is resolved to the
    declared ``i``, so the index must be that one for the sum to bind it.

    >>> i, n = sp.Symbol("i", integer=True), sp.Symbol("n")
    >>> bind_indices(sp.Sum(sp.Symbol("i") ** 2, (sp.Symbol("i"), 1, n)), {"i": i}).limits[0][0] == i
    True
    """

    def rebind(e: sp.Basic) -> sp.Basic:
        swap = {
            var: symbols[var.name]
            for var, *_ in e.limits
            if isinstance(symbols.get(var.name), sp.Symbol) and symbols[var.name] != var
        }
        return e.xreplace(swap) if swap else e

    return expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)), rebind)
