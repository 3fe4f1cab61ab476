"""Benchmark of ``convproof check`` on benchmarks/check_corpus.jsonl, and of math-verify when installed.

    python benchmarks/check_bench.py [--command 15] [--no-math-verify]

Prints, per tool: accuracy (equivalent pairs judged holding, the others refuted;
undecided and bad input count as wrong), median and total time per pair in
process; for convproof also the batch rate (``check_lines``) and the median
time of the ``convproof check`` command (a new process per pair).
math-verify is never a dependency of convproof: install it into the venv only
to run this comparison (``pip install math-verify==0.9.0``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from convproof.verify.check import compare_latex
from convproof.verify.check_batch import check_lines
from convproof.verify.check_verdict import judge

CORPUS = Path(__file__).with_name("check_corpus.jsonl")


def _convproof(pair) -> str:
    try:
        return judge(compare_latex(pair["latex"], pair["against"], assume=pair.get("assume"), seed=0)).word
    except ValueError:  # ConvproofError: bad input
        return "bad input"


def _right(pair, word: str) -> bool:
    return word in ("holds", "holds on samples") if pair["equivalent"] else word == "refuted"


def _math_verify(pair) -> str:
    from math_verify import parse, verify

    try:
        same = verify(parse(f"${pair['latex']}$"), parse(f"${pair['against']}$"))
    except Exception:
        return "error"
    return "holds" if same else "refuted"


def _run(name, judge_pair, pairs) -> dict:
    times, right, wrong = [], 0, []
    for pair in pairs:
        start = time.perf_counter()
        word = judge_pair(pair)
        times.append(time.perf_counter() - start)
        if _right(pair, word):
            right += 1
        else:
            wrong.append(f"{pair['id']} ({pair['topic']}): {word}")
    print(
        f"{name}: {right}/{len(pairs)} right ({100 * right / len(pairs):.1f} %), "
        f"median {statistics.median(times) * 1000:.0f} ms, total {sum(times):.1f} s"
    )
    for line in wrong:
        print(f"  wrong: {line}")
    return {"right": right, "times": times}


def _command(pairs, count: int) -> None:
    exe = shutil.which("convproof") or str(Path(sys.executable).with_name("convproof"))
    times = []
    for pair in pairs[:count]:
        argv = [exe, "check", pair["latex"], "--against", pair["against"], "--seed", "0"]
        if "assume" in pair:
            argv += ["--assume", pair["assume"]]
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    print(f"convproof check command: median {statistics.median(times):.2f} s over {len(times)} pairs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--command", type=int, default=15, help="pairs to time as separate commands")
    parser.add_argument("--no-math-verify", action="store_true")
    args = parser.parse_args()
    pairs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"{len(pairs)} pairs, {sum(p['equivalent'] for p in pairs)} equivalent")
    _convproof(pairs[0])  # warm up: imports and the parser
    _run("convproof (in process)", _convproof, pairs)
    lines = [json.dumps({k: p[k] for k in ("latex", "against", "assume") if k in p}) for p in pairs]
    start = time.perf_counter()
    done = list(check_lines(lines, samples=2000, seed=1))
    print(f"convproof --batch: {len(done) / (time.perf_counter() - start):.1f} pairs/s")
    if not args.no_math_verify:
        try:
            _math_verify(pairs[0])
            _run("math-verify 0.9.0", _math_verify, pairs)
        except ImportError:
            print("math-verify is not installed: pip install math-verify==0.9.0 to compare")
    if args.command:
        _command(pairs, args.command)


if __name__ == "__main__":
    main()
