"""``convproof audit FILE...``: audit any report that answers the homework (Markdown or LaTeX).

Per report: its JSON records (the keys of ``verify --json`` plus its place in the file) and,
unless ``--json-only``, its audit LaTeX and PDF (``--tex-only``: the .tex alone) in
``--out/NAME/``. With several reports, a class summary: ``class-summary.csv`` and a one-page
``class-summary.tex``/``.pdf``. A report that cannot be read is one line on stderr; the
others are still audited; exit 2 only when no report could be read.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

from ...derivations.claims import homework
from ...derivations.errors import ConvproofError
from ..audit_batch import Audited, audit_files, class_rows
from ..audit_judge import TIME_LIMIT
from ..audit_tex import audit_document, class_document
from ..build import build_edition, check_engine
from ..outputs import check_file, prepare_out, write_file
from .options import positive_int, samples, seed

_SUMMARY = "run every check on each formula of one or more student reports (Markdown or LaTeX)"


def add_parser(sub):
    parser = sub.add_parser("audit", help=_SUMMARY, description=_SUMMARY)
    parser.add_argument("files", nargs="+", metavar="FILE", help="reports to audit (.md or .tex)")
    parser.add_argument("--out", metavar="DIR", default="audit", help="output folder (default ./audit)")
    parser.add_argument("--lang", choices=("en", "fa"), default="en", help="language of the audit documents")
    parser.add_argument("--json", metavar="PATH", help="also write every report's records as one JSON list to PATH")
    parser.add_argument("--workers", type=positive_int, default=1, help="processes auditing reports in parallel")
    parser.add_argument("--tex-only", action="store_true", help="write the LaTeX, do not run the TeX engine")
    parser.add_argument("--json-only", action="store_true", help="write the JSON records only (no LaTeX, no PDF)")
    parser.add_argument("--samples", type=samples, default=400, help="random instances per formula (default 400)")
    parser.add_argument("--seed", type=seed, default=0, help="seed of the random instances (default 0)")
    parser.add_argument(
        "--time-limit", type=float, default=TIME_LIMIT, help=f"seconds per formula (default {TIME_LIMIT:g})"
    )
    return parser


def _progress(position: int, total: int, result: Audited) -> None:
    state = "unreadable" if result.error else f"{len(result.records)} records"
    sys.stderr.write(f"[{position}/{total}] {result.path}: {state}\n")


def _csv(rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "question", "part", "answered", "right", "wrong", "wrong_forms"])
    for row in rows:
        forms = " | ".join(f"{text} ({n})" for text, n in row["wrong_forms"])
        writer.writerow([row["id"], row["question"], row["part"], row["answered"], row["right"], row["wrong"], forms])
    return buffer.getvalue()


def _name(path: str, taken: set[str]) -> str:
    stem = Path(path).name.replace(".", "_") or "report"
    name, n = stem, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}"
    taken.add(name)
    return name


def _document(out: Path, name: str, tex: str, lang: str, tex_only: bool) -> bool:
    """Build one audit document into ``out/name``; a failed TeX run is one line, and leaves no work folder."""
    folder = out / name
    folder.mkdir(exist_ok=True)
    try:
        result = build_edition(lang, tex, folder, tex_only=tex_only)
        for made in (result.tex, result.pdf):
            if made is not None:
                made.replace(folder / made.name)
    except ConvproofError as exc:
        print(f"convproof: {name}: {exc}", file=sys.stderr)
        return False
    finally:
        for leftover in (folder / lang, folder / f"work-{lang}"):
            if leftover.is_dir():
                shutil.rmtree(leftover)
    return True


def run(args) -> int:
    if args.json is not None:
        check_file(args.json, "--json")
    documents = not args.json_only
    if documents and not args.tex_only:
        check_engine(args.lang)
    out, _ = prepare_out(args.out)
    quantities = homework.quantities()
    results = audit_files(
        args.files,
        quantities,
        workers=args.workers,
        progress=_progress if len(args.files) > 1 else None,
        seed=args.seed,
        samples=args.samples,
        limit=args.time_limit,
    )
    readable = [r for r in results if r.error is None]
    taken: set[str] = set()
    for result in results:
        if result.error is not None:
            print(f"convproof: {result.error}", file=sys.stderr)
            continue
        name = _name(result.path, taken)
        write_file(out / f"{name}.json", json.dumps(result.records, indent=2, ensure_ascii=False) + "\n", "--out")
        if documents:
            _document(out, name, audit_document(result.path, result.records, args.lang), args.lang, args.tex_only)
        counts: dict[str, int] = {}
        for record in result.records:
            counts[record["status"]] = counts.get(record["status"], 0) + 1
        print(f"{result.path}: " + ", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
    if len(readable) > 1:
        rows = class_rows(readable, quantities)
        write_file(out / "class-summary.csv", _csv(rows), "--out")
        if documents:
            _document(out, "class-summary", class_document(rows, len(readable), args.lang), args.lang, args.tex_only)
        print(f"class summary: {out / 'class-summary.csv'}")
    if args.json is not None:
        write_file(args.json, json.dumps([r for x in readable for r in x.records], indent=2, ensure_ascii=False) + "\n")
    if not readable:
        print("convproof: error: no report could be read", file=sys.stderr)
        return 2
    return 0
