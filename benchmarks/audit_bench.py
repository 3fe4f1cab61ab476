"""Benchmark of convproof audit: 100 reports (copies and variants of the corpus) to JSON with 2 workers.

Prints the total time (target < 60 s) and one more report audited warm (target < 1 s), for two classes:
copies of the corpus with a note added (the verdicts of equal formulas are shared), and the same reports
with every formula written differently (thin spaces after each "=": nothing shared but the quantities).

    python benchmarks/audit_bench.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "reports"


def _quantities():
    from convproof.derivations.claims import homework

    return homework.quantities()


def main() -> None:
    from convproof.reports.audit_batch import audit_files

    sources = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".tex"))
    start = time.perf_counter()
    quantities = _quantities()
    setup = time.perf_counter() - start
    print(f"quantities built in {setup:.2f} s")
    for label, distinct in (("copies with a note", False), ("every formula written differently", True)):
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for n in range(100):
                source = sources[n % len(sources)]
                text = source.read_text(encoding="utf-8")
                if distinct:  # the same mathematics, other text: no parse or verdict is shared
                    text = text.replace("= ", "= " + r"\," * (n + 1))
                elif n >= len(sources):  # a variant: a note added, the formulas moved down a line
                    text = f"<!-- student {n} -->\n" + text
                path = Path(tmp) / f"s{n:03d}{source.name[source.name.index('.') :]}"
                path.write_text(text, encoding="utf-8")
                paths.append(str(path))
            start = time.perf_counter()
            results = audit_files(paths, quantities, workers=2, samples=400, seed=0)
            total = time.perf_counter() - start
            records = sum(len(r.records) for r in results)
            start = time.perf_counter()
            audit_files([paths[1]], quantities, samples=400, seed=0)
            warm = time.perf_counter() - start
        print(f"{label}: 100 reports, 2 workers: {total:.1f} s ({records} records; target < 60 s)")
        print(f"{label}: one more report, warm: {warm:.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()
