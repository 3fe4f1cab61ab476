"""Rubrics: parsed strictly, scored from the confirmed findings, refused in one line when malformed."""

from __future__ import annotations

import re

import pytest

from convproof.derivations.errors import BadInputError
from convproof.derivations.finding import Finding
from convproof.reports.cli import main
from convproof.reports.rubric import Rubric

GOOD = "[points]\nQ1 = 40\nQ4 = 20\n[deductions]\nconceptual = 4\nnotation = 1.5\n"


def _finding(question: str, severity: str) -> Finding:
    return Finding("f", question, "a", severity, ("t.a",), {"en": "t"}, {"en": "m"}, fix={"en": "x"})


def test_score_is_points_less_deductions_never_below_zero():
    rubric = Rubric.parse(GOOD, "r.toml")
    findings = [_finding("Q1", "conceptual"), _finding("Q1", "notation"), _finding("Q1", "computational")]
    assert rubric.scores(findings) == {"Q1": (34.5, 40), "Q4": (20, 20)}
    many = [_finding("Q4", "conceptual")] * 9
    assert rubric.scores(many)["Q4"] == (0, 20)


def test_json_rubrics_read_the_same():
    text = '{"points": {"Q1": 40, "Q4": 20}, "deductions": {"conceptual": 4, "notation": 1.5}}'
    assert Rubric.parse(text, "r.json") == Rubric.parse(GOOD, "r.toml")


BAD = {
    "not toml": ("[points\nQ1 = 4", "not valid TOML"),
    "no points": ("[deductions]\nconceptual = 1", "needs a [points] table"),
    "bad question": ("[points]\nQuestion1 = 4", "questions are Q1 to Q9"),
    "negative": ("[points]\nQ1 = -4", "must be a number from 0 up"),
    "unknown severity": ("[points]\nQ1 = 4\n[deductions]\nstyle = 1", "takes only conceptual"),
    "unknown table": ("[points]\nQ1 = 4\n[bonus]\nQ1 = 1", "unknown table"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_malformed_rubrics_are_refused_in_one_line(name):
    text, message = BAD[name]
    with pytest.raises(BadInputError, match=re.escape(message)):
        Rubric.parse(text, "r.toml")


def test_the_command_refuses_a_bad_rubric_before_any_work(tmp_path, capsys):
    rubric = tmp_path / "rubric.toml"
    rubric.write_text("[points]\nQ1 = -1\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", "--tex-only", "--out", str(out), "--rubric", str(rubric)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "rubric" in err
    assert not out.exists()
    assert main(["report", "--tex-only", "--out", str(out), "--rubric", str(tmp_path / "missing.toml")]) == 2
    assert "cannot read the rubric" in capsys.readouterr().err


def test_a_rubric_puts_a_suggested_score_in_the_audit(tmp_path, capsys):
    rubric = tmp_path / "rubric.toml"
    rubric.write_text(GOOD, encoding="utf-8")
    assert (
        main(
            ["report", "--tex-only", "--lang", "en", "--samples", "60", "--out", str(tmp_path), "--rubric", str(rubric)]
        )
        == 0
    )
    capsys.readouterr()
    tex = (tmp_path / "en" / "report.tex").read_text(encoding="utf-8")
    assert "Suggested score" in tex and tex.count("Suggested score:") == 2  # Q1 and Q4, the scored questions
