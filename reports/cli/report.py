"""``convproof report``: verify every claim and regenerate the audit as LaTeX and PDF."""

from __future__ import annotations

import time

from ..i18n import LANGS
from ..pipeline import regenerate
from ..rubric import Rubric
from .options import samples, seed


def add_parser(sub):
    parser = sub.add_parser("report", help="verify, write report.tex and build report.pdf (en, fa or both)")
    parser.add_argument("--lang", choices=(*LANGS, "all"), default="all", help="edition to build (default: all)")
    parser.add_argument(
        "--out", default="build", metavar="DIR", help="output folder; editions go to DIR/LANG/ (default: build)"
    )
    parser.add_argument("--tex-only", action="store_true", help="write report.tex without running TeX")
    parser.add_argument(
        "--samples", type=samples, default=None, help="random instances per claim (default 2000, at most 100000)"
    )
    parser.add_argument("--seed", type=seed, default=0, help="seed of the random instances (default 0: reproducible)")
    parser.add_argument(
        "--rubric",
        metavar="FILE",
        default=None,
        help="TOML or JSON: points per question and a deduction per finding's severity; adds a suggested score "
        "(format in docs/rubric.md)",
    )
    return parser


def run(args) -> int:
    langs = LANGS if args.lang == "all" else (args.lang,)
    rubric = Rubric.load(args.rubric) if args.rubric is not None else None  # a bad rubric stops before any work
    start = time.perf_counter()
    results, timings = regenerate(
        langs, args.out, tex_only=args.tex_only, samples=args.samples, seed=args.seed, rubric=rubric
    )
    for result in results:
        print(f"{result.lang}: {result.pdf or result.tex}")
    stages = ", ".join(f"{name} {sec:.1f} s" for name, sec in timings.items())
    print(f"done in {time.perf_counter() - start:.1f} s ({stages})")
    return 0
