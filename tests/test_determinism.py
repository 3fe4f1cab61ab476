"""Determinism: a fixed seed gives byte-identical verdicts; a drawn seed is printed, recorded and replays.

The whole registry is verified in two separate processes with different
hash seeds (so set and dict orders differ) and one of them with an empty
parse cache (so the parser runs instead of the cache answering); their
``--json`` files must be the same bytes, and strict JSON (no NaN).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from convproof.derivations.checks.numeric import compile_expr
from convproof.derivations.claims import registry
from convproof.derivations.latex.front import parse
from convproof.reports.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _strict(text: str):
    """json.loads that rejects NaN and Infinity, which are not JSON."""

    def refuse(constant: str):
        raise AssertionError(f"{constant} in the verdict JSON")

    return json.loads(text, parse_constant=refuse)


def test_fixed_seed_is_byte_identical_across_processes_hash_seeds_and_caches(tmp_path):
    runs = []
    for name, hash_seed, cache in (("a", "1", None), ("b", "4242", tmp_path / "fresh-cache")):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        if cache is not None:
            env["CONVPROOF_CACHE_DIR"] = str(cache)
        command = [sys.executable, "-m", "convproof", "verify", "--samples", "60", "--seed", "17"]
        command += ["--json", str(tmp_path / f"{name}.json")]
        runs.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err.decode()
    first, second = (tmp_path / "a.json").read_bytes(), (tmp_path / "b.json").read_bytes()
    assert first == second
    records = _strict(first.decode())
    assert [r["id"] for r in records] == [c.id for c in registry.all_claims()]
    assert {r["seed"] for r in records} == {17}
    assert outputs[0][0] == outputs[1][0]  # the printed table too


def _run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    out, _ = capsys.readouterr()
    return code, out


def _printed_seed(out: str) -> int:
    match = re.search(r"replay with --seed (\d+)", out)
    assert match, out
    return int(match.group(1))


def test_verify_without_seed_prints_and_records_the_seed_and_replays(tmp_path, capsys):
    drawn, replay = tmp_path / "drawn.json", tmp_path / "replay.json"
    _, out = _run(capsys, "verify", "--only", "dilated", "--samples", "200", "--json", str(drawn))
    seed = _printed_seed(out)
    assert {r["seed"] for r in _strict(drawn.read_text())} == {seed}
    _, again = _run(
        capsys, "verify", "--only", "dilated", "--samples", "200", "--seed", str(seed), "--json", str(replay)
    )
    assert drawn.read_bytes() == replay.read_bytes()
    assert again == out


def test_a_counterexample_found_without_seed_replays(capsys):
    """A planted wrong formula: its counterexample, found with a drawn seed, is found again and is real."""
    wrong, claim_id = r"1 + (i + 1)d(k - 1)", "dilated.rf_closed_form"
    code, out = _run(capsys, "check", wrong, "--claim", claim_id, "--samples", "300", "--json")
    drawn = _strict(out)
    assert code == 1 and drawn["counterexample"] is not None
    seed = drawn["seed"]
    _, replayed = _run(capsys, "check", wrong, "--claim", claim_id, "--samples", "300", "--seed", str(seed), "--json")
    assert _strict(replayed) == drawn
    # the recorded instance really separates the formula from the reference
    claim = registry.get(claim_id)
    values = drawn["counterexample"]["values"]
    args = claim.symbols
    point = [float(values[s.name]) for s in args]
    names = {s.name: s for s in args}
    formula = float(compile_expr(parse(wrong, names), args)(*point))
    reference = float(compile_expr(claim.reference, args)(*point))
    assert formula == drawn["counterexample"]["claimed"] != reference == drawn["counterexample"]["reference"]


@pytest.mark.parametrize("claim_id", ["conv_grads.dL_dk1", "metrics.rrmse", "activations.chart2_log_of_sigmoid"])
def test_one_claim_gives_the_same_verdict_alone_or_in_a_run(claim_id):
    """Each claim's instances depend on the run's seed and its id only, not on what ran before it."""
    from convproof.verify.runner import run_all, run_claim

    alone = run_claim(claim_id, samples=150, seed=3).to_json()
    together = run_all(registry.select(claim_id.split(".")[0]), samples=150, seed=3)
    assert next(v.to_json() for v in together if v.claim_id == claim_id) == alone
