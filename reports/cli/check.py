"""``convproof check``: judge a formula you write, against a claim or another formula.

Exit 0 when it holds, 1 when it is refuted (or cannot be decided), 2 for bad
input (unreadable LaTeX, an undeclared symbol, an unknown claim id).
"""

from __future__ import annotations

import json

from ...derivations.errors import BadInputError
from ...verify.check import check_latex, compare_latex
from ...verify.runner import DEFAULT_SAMPLES, new_seed
from .options import samples, seed


def add_parser(sub):
    parser = sub.add_parser(
        "check",
        help="check a LaTeX formula against a claim's reference or another formula",
        description=(
            "Judge LATEX: with --claim ID against the claim's independent reference (on the claim's own "
            "symbols and domain); with --against LATEX2 against that formula. Exit 0 holds, 1 refuted, 2 bad input."
        ),
    )
    parser.add_argument(
        "latex", metavar="LATEX", help=r"the formula, e.g. 'k + (k - 1)(d - 1)' or 'RF_i = 1 + id(k-1)'"
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--claim", metavar="ID", help="a claim id (see 'convproof claims')")
    target.add_argument("--against", metavar="LATEX2", help="another formula to compare with")
    parser.add_argument(
        "--assume",
        metavar="DECL",
        help="with --against: declare the symbols, e.g. 'k, d: positive integer; x: real in [-3, 3]' "
        "(default: every name is a real in [-5, 5])",
    )
    parser.add_argument("--samples", type=samples, default=None, help="random instances (default 2000, at most 100000)")
    parser.add_argument("--seed", type=seed, default=None, help="seed of the random instances (default: a fresh one)")
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    return parser


def _values(values: dict) -> str:
    return ", ".join(f"{name} = {value}" for name, value in values.items()) or "(no symbols)"


def run(args) -> int:
    if args.assume is not None and args.claim is not None:
        raise BadInputError("--assume goes with --against; with --claim the claim's own symbols and domain are used")
    run_seed = args.seed if args.seed is not None else new_seed()
    options = dict(samples=args.samples or DEFAULT_SAMPLES, seed=run_seed)
    if args.claim is not None:
        verdict = check_latex(args.latex, args.claim, **options)
    else:
        verdict = compare_latex(args.latex, args.against, assume=args.assume, **options)
    holds = verdict.status == "verified"
    if args.json:
        print(
            json.dumps(dict(verdict.to_json(), seed=run_seed, notes=list(verdict.notes)), indent=2, ensure_ascii=False)
        )
        return 0 if holds else 1
    word = {"verified": "holds", "refuted": "refuted"}.get(verdict.status, f"undecided ({verdict.status})")
    print(f"{word}: {args.latex}")
    for note in verdict.notes:
        print(f"  {note}")
    print("  evidence: " + "; ".join(e.short() for e in verdict.evidence))
    if verdict.counterexample:
        ce = verdict.counterexample
        print(f"  counterexample ({ce.part}): {_values(ce.instance)} gives {ce.claimed}, not {ce.reference}")
    if verdict.correction and not holds and args.claim is not None:
        print(f"  correct: {verdict.correction}")
    print(f"seed {run_seed} (replay with --seed {run_seed})")
    return 0 if holds else 1
