"""``convproof verify``: run every check and print a verdict per claim."""

from __future__ import annotations

import sys

from ...derivations.claims import registry
from ...verify.results import STATUSES
from ...verify.runner import DEFAULT_SAMPLES, new_seed, run_all
from ..outputs import check_file
from .options import dump_json, samples, seed


def add_parser(sub):
    parser = sub.add_parser("verify", help="run every check and print a verdict per claim")
    parser.add_argument("--json", metavar="PATH", help="also write the verdicts as a JSON list to PATH")
    parser.add_argument(
        "--samples", type=samples, default=None, help="random instances per claim (default 2000, at most 100000)"
    )
    parser.add_argument("--seed", type=seed, default=None, help="seed of the random instances (default: a fresh one)")
    parser.add_argument("--only", metavar="PATTERN", help="only claims whose id matches this glob or substring")
    parser.add_argument(
        "--oracle",
        action="store_true",
        help="also run the PyTorch oracle where torch is installed (as the report does; adds 3 to 5 s)",
    )
    parser.add_argument("--fail-on-refuted", action="store_true", help="exit with 1 when a claim is refuted")
    return parser


def progress_printer(stream=None):
    """A progress callback for run_all that draws on a terminal and stays silent elsewhere."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None

    def show(position: int, total: int, claim) -> None:
        end = "\n" if position == total else ""
        stream.write(f"\r\033[K[{position}/{total}] {claim.id}{end}")
        stream.flush()

    return show


def run(args) -> int:
    if args.json is not None:
        check_file(args.json, "--json")  # before the run: a bad path is found in a second, not after minutes
    claims = registry.select(args.only)
    run_seed = args.seed if args.seed is not None else new_seed()
    verdicts = run_all(
        claims, samples=args.samples or DEFAULT_SAMPLES, seed=run_seed, progress=progress_printer(), oracle=args.oracle
    )
    width = max(len(v.claim_id) for v in verdicts)
    for v in verdicts:
        evidence = "; ".join(e.short() for e in v.evidence)
        print(f"{v.claim_id:<{width}}  {v.where:<22}  {v.status:<12}  {evidence}")
    counts = {status: sum(v.status == status for v in verdicts) for status in STATUSES}
    print(f"{len(verdicts)} claims: " + ", ".join(f"{n} {status}" for status, n in counts.items()))
    print(f"seed {run_seed} (replay with --seed {run_seed})")
    if not args.oracle:
        print("PyTorch oracle not run (--oracle adds it)")
    if args.json is not None:
        dump_json(args.json, [dict(v.to_json(), seed=run_seed) for v in verdicts])
    if args.fail_on_refuted and counts["refuted"]:
        return 1
    return 0
