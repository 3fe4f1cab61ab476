"""``convproof claims``: id, where and source of every claim."""

from __future__ import annotations

import json

from derivations import registry


def add_parser(sub):
    parser = sub.add_parser("claims", help="list every claim: id, where, source")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def run(args) -> int:
    claims = registry.all_claims()
    if args.json:
        records = [{"id": c.id, "where": c.where, "source": c.source, "extension": c.extension} for c in claims]
        print(json.dumps(records, indent=2, ensure_ascii=False))
        return 0
    width = max(len(c.id) for c in claims)
    for c in claims:
        source = "(extension)" if c.extension else " ".join(c.source.split())
        print(f"{c.id:<{width}}  {c.where:<22}  {source}")
    print(f"{len(claims)} claims ({sum(c.extension for c in claims)} extensions)")
    return 0
