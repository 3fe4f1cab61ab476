"""``convproof claims``: id, where and source of every claim, and how the report's formulas are accounted for."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ...derivations.claims import catalogue, registry

if TYPE_CHECKING:
    from ...derivations.claims import catalogue


def add_parser(sub):
    parser = sub.add_parser("claims", help="list every claim: id, where, source; count the report's formulas")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--formulas",
        action="store_true",
        help="list every formula of the report instead: its place, and the claims or the non-claim reason for it",
    )
    return parser


def _formula_record(entry: catalogue.Entry) -> dict:
    f = entry.formula
    return {
        "number": f.number,
        "kind": f.kind,
        "line": f.line,
        "latex": f.latex,
        "status": entry.status,
        "claims": list(entry.claims),
        "reason": entry.non_claim.reason if entry.non_claim else None,
    }


def _summary(counts: dict[str, int]) -> str:
    return (
        f"{counts['formulas']} formulas in the report ({counts['display']} display, {counts['inline']} inline): "
        f"{counts['claim']} sources of claims, {counts['non-claim']} non-claims, {counts['unaccounted']} unaccounted"
    )


def run(args) -> int:
    claims = registry.all_claims()
    entries = catalogue.account(claims=claims)
    counts = catalogue.counts(entries)
    if args.formulas:
        records = [_formula_record(e) for e in entries]
        if args.json:
            print(json.dumps({"counts": counts, "formulas": records}, indent=2, ensure_ascii=False))
            return 0
        for r in records:
            why = ", ".join(r["claims"]) or r["reason"] or "UNACCOUNTED"
            print(f"{r['number']:>3} {r['kind']:<7} line {r['line']:<4} {r['status']:<11} {r['latex'][:60]:<60}  {why}")
        print(_summary(counts))
        return 0
    if args.json:
        records = [{"id": c.id, "where": c.where, "source": c.source, "extension": c.extension} for c in claims]
        print(json.dumps(records, indent=2, ensure_ascii=False))
        return 0
    width = max(len(c.id) for c in claims)
    for c in claims:
        source = "(extension)" if c.extension else " ".join(c.source.split())
        print(f"{c.id:<{width}}  {c.where:<22}  {source}")
    print(f"{len(claims)} claims ({sum(c.extension for c in claims)} extensions)")
    print(_summary(counts))
    return 0
