"""``convproof check``: judge a formula you write, against a claim or another formula.

Verdicts and exit codes: ``holds`` (proven) 0, ``holds on samples`` (not
proven, every instance tried agreed) 0, or 3 with ``--require-proof``;
``refuted`` (with a counterexample) 1; ``undecided`` 3; bad input 2, one line
on stderr. ``--batch FILE.jsonl`` checks one pair per line and writes one JSON
line per pair.
"""

from __future__ import annotations

import json

from ...derivations.errors import BadInputError
from ...verify.check import check_latex, compare_latex
from ...verify.check_batch import run_batch
from ...verify.check_verdict import DEFAULT_TIME_LIMIT, judge
from ...verify.runner import DEFAULT_SAMPLES, new_seed
from .options import samples, seed

CHECK_SAMPLES = DEFAULT_SAMPLES


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise BadInputError(f"--time-limit must be a number of seconds in (0, 3600], not {text!r}")
    return value


def add_parser(sub):
    parser = sub.add_parser(
        "check",
        help="check a LaTeX formula against a claim's reference or another formula",
        description=(
            "Judge LATEX: with --claim ID against the claim's independent reference (on the claim's own "
            "symbols and domain); with --against LATEX2 against that formula; with --batch FILE.jsonl every "
            "pair of the file. Verdicts: holds (proven, exit 0), holds on samples (exit 0; 3 with "
            "--require-proof), refuted (exit 1), undecided (exit 3); bad input exits 2."
        ),
    )
    parser.add_argument(
        "latex", metavar="LATEX", nargs="?", help=r"the formula, e.g. 'k + (k - 1)(d - 1)' or 'RF_i = 1 + id(k-1)'"
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--claim", metavar="ID", help="a claim id (see 'convproof claims')")
    target.add_argument("--against", metavar="LATEX2", help="another formula to compare with")
    target.add_argument(
        "--batch",
        metavar="FILE",
        help='a JSON-lines file, one pair a line: {"latex": ..., "against": ... (or "claim": ...), '
        '"assume": ... (optional)}; "-" reads standard input. One JSON line out per pair',
    )
    parser.add_argument(
        "--assume",
        metavar="DECL",
        help="with --against: declare the symbols, e.g. 'k, d: positive integer; x: real in [-3, 3]' "
        "(default: every name is a real in [-5, 5], also tried at magnitudes up to 1e6)",
    )
    parser.add_argument("--require-proof", action="store_true", help="'holds on samples' exits 3, not 0")
    parser.add_argument(
        "--samples", type=samples, default=None, help=f"random instances (default {CHECK_SAMPLES}, at most 100000)"
    )
    parser.add_argument("--seed", type=seed, default=None, help="seed of the random instances (default: a fresh one)")
    parser.add_argument(
        "--time-limit",
        type=_seconds,
        default=DEFAULT_TIME_LIMIT,
        metavar="S",
        help=f"seconds per check before it ends undecided (default {DEFAULT_TIME_LIMIT:g})",
    )
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    return parser


def _values(values: dict) -> str:
    return ", ".join(f"{name} = {value}" for name, value in values.items()) or "(no symbols)"


def run(args) -> int:
    if args.assume is not None and args.claim is not None:
        raise BadInputError("--assume goes with --against; with --claim the claim's own symbols and domain are used")
    run_seed = args.seed if args.seed is not None else new_seed()
    options = dict(samples=args.samples or CHECK_SAMPLES, seed=run_seed, limit=args.time_limit)
    if args.batch is not None:
        if args.latex is not None or args.assume is not None:
            raise BadInputError("--batch reads every formula and assumption from its file; give no LATEX or --assume")
        return run_batch(args.batch, require_proof=args.require_proof, **options)
    if args.latex is None or (args.claim is None and args.against is None):
        raise BadInputError("give LATEX with --claim ID or --against LATEX2, or --batch FILE.jsonl")
    if args.claim is not None:
        verdict = check_latex(args.latex, args.claim, **options)
    else:
        verdict = compare_latex(args.latex, args.against, assume=args.assume, **options)
    judgement = judge(verdict, require_proof=args.require_proof)
    if args.json:
        record = dict(verdict.to_json(), **judgement.to_json(), seed=run_seed, notes=list(verdict.notes))
        print(json.dumps(record, indent=2, ensure_ascii=False))
        return judgement.exit_code
    print(f"{judgement.word}: {args.latex}")
    print(f"  {judgement.reason}")
    for note in verdict.notes:
        print(f"  {note}")
    print("  evidence: " + "; ".join(e.short() for e in verdict.evidence))
    if verdict.counterexample:
        ce = verdict.counterexample
        print(f"  counterexample ({ce.part}): {_values(ce.instance)} gives {ce.claimed}, not {ce.reference}")
    if verdict.correction and judgement.word == "refuted" and args.claim is not None:
        print(f"  correct: {verdict.correction}")
    print(f"seed {run_seed} (replay with --seed {run_seed})")
    return judgement.exit_code
