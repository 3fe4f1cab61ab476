"""The convproof command: output, JSON records, exit codes, one-line errors."""

from __future__ import annotations

import json

import pytest

from convproof.reports.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_json_lists_every_selected_claim(tmp_path, capsys):
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "verify", "--only", "dilated", "--seed", "5", "--samples", "200", "--json", str(target))
    assert code == 0
    records = json.loads(target.read_text())
    assert {r["id"] for r in records} >= {"dilated.rf_closed_form", "dilated.output_size_general"}
    for record in records:
        assert {"id", "where", "source", "status", "evidence", "counterexample", "correction"} <= set(record)
    assert "seed 5" in out


def test_verify_json_is_byte_identical_for_a_fixed_seed(tmp_path, capsys):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    run(capsys, "verify", "--only", "dilated", "--seed", "9", "--samples", "100", "--json", str(first))
    run(capsys, "verify", "--only", "dilated", "--seed", "9", "--samples", "100", "--json", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_verify_without_seed_prints_the_seed_it_used(capsys):
    code, out, _ = run(capsys, "verify", "--only", "dilated.rf_base")
    assert code == 0
    assert "replay with --seed" in out


def test_verify_runs_the_oracle_only_when_asked(tmp_path, capsys):
    """Without --oracle the oracle's evidence says it was not run; the status is the same either way."""
    pytest.importorskip("torch")
    plain, asked = tmp_path / "plain.json", tmp_path / "oracle.json"
    argv = ("verify", "--only", "activations.relu", "--seed", "3", "--samples", "200")
    _, out, _ = run(capsys, *argv, "--json", str(plain))
    run(capsys, *argv, "--oracle", "--json", str(asked))
    assert "PyTorch oracle not run (--oracle adds it)" in out
    (without,), (with_oracle,) = json.loads(plain.read_text()), json.loads(asked.read_text())
    oracle = [next(e for e in r["evidence"] if e["tier"] == "oracle") for r in (without, with_oracle)]
    assert oracle[0]["passed"] is None and oracle[0]["method"].startswith("not run")
    assert oracle[1]["passed"] is True
    assert without["status"] == with_oracle["status"] == "verified"


def test_claims_json_carries_sources(capsys):
    code, out, _ = run(capsys, "claims", "--json")
    assert code == 0
    records = {r["id"]: r for r in json.loads(out)}
    assert records["dilated.rf_closed_form"]["source"] == "RF_i = 1 + id(k - 1)"


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["verify", "--samples", "-5"], "expected a positive integer"),
        (["verify", "--samples", "many"], "expected a positive integer"),
        (["verify", "--only", "no_such_claim"], "no claim id matches"),
        (["verify", "--seed", "-1"], "seed"),
        (["report", "--lang", "xx"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
    ids=["negative-samples", "word-samples", "unknown-claim", "negative-seed", "unknown-lang", "unknown-command"],
)
def test_bad_input_is_one_line_and_exit_2(capsys, argv, needle):
    with pytest.raises(SystemExit) as exit_info:
        code = main(argv)
        raise SystemExit(code)
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unwritable_json_target_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "verify", "--only", "dilated.rf_base", "--json", str(tmp_path / "missing" / "x.json"))
    assert code == 2
    assert "does not exist" in err
