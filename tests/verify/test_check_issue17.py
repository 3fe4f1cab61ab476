"""Every case of issue 17, judged right: verdict words, exit codes, no traceback."""

from __future__ import annotations

import json
import time

import pytest

from convproof.derivations.errors import ConvproofError
from convproof.reports.cli import main
from convproof.verify.check import check_latex, compare_latex
from convproof.verify.check_batch import check_lines
from convproof.verify.check_verdict import guarded, judge

POS = "n: positive integer"
FLOOR_HALF, FLOOR_FLOOR_HALF = r"\lfloor \frac{x}{2} \rfloor", r"\lfloor \frac{\lfloor x \rfloor}{2} \rfloor"


def word(latex, other=None, *, assume=None, claim=None, require_proof=False, limit=10.0):
    if claim is not None:
        verdict = check_latex(latex, claim, samples=500, seed=0, limit=limit)
    else:
        verdict = compare_latex(latex, other, assume=assume, samples=500, seed=0, limit=limit)
    return judge(verdict, require_proof=require_proof).word, verdict


@pytest.mark.parametrize(
    ("latex", "other", "assume", "expected"),
    [
        (r"\sum_{i=1}^{n} i", r"\frac{n(n+1)}{2}", POS, "holds"),
        (r"\lfloor \frac{n}{2} \rfloor", r"\lceil \frac{n-1}{2} \rceil", POS, "holds"),
        (r"\lfloor \frac{n}{2} \rfloor", r"\lceil \frac{n}{2} \rceil", POS, "refuted"),
        (r"\lfloor x \rfloor + 1", r"\lceil x \rceil", None, "refuted"),
        (r"\min(x, 7)", "x", None, "refuted"),
        (r"\operatorname{sign}(x) |x|", "x", None, "holds"),
        (r"\operatorname{sgn}(x) |x|", "x", None, "holds"),
        (r"\mathrm{ReLU}(x) - \mathrm{ReLU}(-x)", "x", None, "holds on samples"),
        (r"1 + 2 + \dots + n", r"\frac{n(n+1)}{2}", POS, "holds"),
        (r"\sum_{i=1}^{n} 1", "n", POS, "holds"),
        ("n!", r"n \cdot (n-1)!", POS, "holds"),
        ("n!", "n", POS, "refuted"),
        (r"\binom{n}{2}", r"\frac{n(n-1)}{2}", POS, "holds"),
        (r"\Gamma(x + 1)", r"x \Gamma(x)", "x: positive real", "holds"),
        (r"\Gamma(x)", "x", None, "refuted"),
        ("{x}", "x", None, "holds"),
        (r"\int_0^x t dt", r"\frac{x^2}{2}", None, "holds"),
        (r"\lim_{x \to 0} \frac{\sin x}{x}", "1", None, "holds"),
        (r"\infty", r"\infty", None, "holds"),
        (r"\frac{d}{dx} x^2", "2x", None, "holds"),
        (r"\frac{d}{dx} \sigma(x)", r"\sigma(x)(1 - \sigma(x))", None, "holds"),
        ("x", "x", "x: integer in [0, 10^30]", "holds"),
        (r"\begin{aligned} a &= a + 0 \\ &= 2a - a \end{aligned}", "a", None, "holds"),
        (
            r"\tanh(x)+\tanh(y)+\tanh(z)",
            r"\sum_{i=1}^{1} \frac{e^{x}-e^{-x}}{e^{x}+e^{-x}} + \frac{e^{y}-e^{-y}}{e^{y}+e^{-y}} + \frac{e^{z}-e^{-z}}{e^{z}+e^{-z}}",
            None,
            "holds",
        ),
        (r"\sigma(x)", r"\frac{1}{1 + e^{-x}} + 10^{-7}", None, "refuted"),
        (r"\operatorname{softplus}(x)", r"\ln(1 + e^{x})", None, "holds"),
        (r"\Phi(x)", r"\frac{1}{2}(1 + \operatorname{erf}(\frac{x}{\sqrt{2}}))", None, "holds"),
        ("k d", "k + d - 1", "k, d: integer in [1, 1]", "holds"),
    ],
)
def test_listed_cases(latex, other, assume, expected):
    got, verdict = word(latex, other, assume=assume)
    assert got == expected, verdict
    if expected == "refuted":
        ce = verdict.counterexample
        assert ce is not None and ce.claimed != ce.reference


def test_floor_plus_one_is_refuted_at_an_integer():
    _, verdict = word(r"\lfloor x \rfloor + 1", r"\lceil x \rceil")
    assert float(verdict.counterexample.instance["x"]).is_integer()


def test_min_is_refuted_above_the_default_range():
    _, verdict = word(r"\min(x, 7)", "x")
    assert verdict.counterexample.instance["x"] > 7


@pytest.mark.parametrize(
    "claim_id,latex",
    [
        ("cnn_table.flatten.shape", r"1 \times 1 \times 144"),
        ("cnn_table.fc.shape", r"1 \times 1 \times 10"),
        ("dropout.example_3d_shape", r"32 \times 32 \times 32 \times 3"),
        ("activations.erf_integral", r"erf(x) = \frac{2}{\sqrt{\pi}} \int_0^x e^{-t^2} dt"),
    ],
)
def test_the_reports_own_text_holds_as_verify_finds(claim_id, latex):
    assert word(latex, claim=claim_id)[0] == "holds"


def test_mse_with_shifted_indices_holds_at_small_sizes_not_proven():
    latex = r"\frac{1}{n} \sum_{i=0}^{n-1} (y_{i+1} - \hat{y}_{i+1})^2"
    got, verdict = word(latex, claim="metrics.mse")
    assert got == "holds on samples"
    assert judge(verdict, require_proof=True).word == "undecided"


@pytest.mark.parametrize(
    ("latex", "other", "assume", "needle"),
    [
        (r"\{x\}", "x", None, "a set"),
        ("x < 1", "x", None, "a relation"),
        (r"x \leq y", "x", None, "a relation"),
        (r"\frac{1}{0}", "x", None, "undefined"),
        (r"\sqrt{-1}", "x", None, "not a real number"),
        (r"\log(-1)", "x", None, "not a real number"),
        (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", "x", None, "a matrix"),
        ("x", "x", "x: real in [0, 1]; " + "y" * 80_000 + ": real", "characters long"),
    ],
)
def test_what_has_no_value_is_refused_in_one_line(latex, other, assume, needle):
    with pytest.raises(ConvproofError) as info:
        compare_latex(latex, other, assume=assume, samples=100, seed=0)
    assert needle in str(info.value)
    assert len(str(info.value)) < 300


def test_a_long_assumption_is_refused_fast():
    start = time.perf_counter()
    with pytest.raises(ConvproofError):
        compare_latex("x", "x", assume="x: real in [" + "1" * 80_000 + ", 2]", samples=10)
    assert time.perf_counter() - start < 1.0  # a guard against the quadratic regex, not a speed target


def test_the_time_limit_ends_in_undecided():
    """A check that outlasts its limit ends undecided, saying so (a slow check, not a slow machine, decides)."""

    def slow():
        time.sleep(2)
        raise AssertionError("the time limit did not stop the check")

    verdict = guarded("x", slow, limit=0.05, learned=["symbolic: undecided"])
    assert judge(verdict).word == "undecided"
    assert "time limit of 0.05 s" in verdict.evidence[0].detail


@pytest.mark.parametrize(
    ("argv", "code", "first"),
    [
        (["check", r"\lfloor x \rfloor + 1", "--against", r"\lceil x \rceil"], 1, "refuted"),
        (["check", r"2(x + 1)", "--against", "2x + 2"], 0, "holds"),
        (["check", FLOOR_HALF, "--against", FLOOR_FLOOR_HALF], 0, "holds on samples"),
        (["check", FLOOR_HALF, "--against", FLOOR_FLOOR_HALF, "--require-proof"], 3, "undecided"),
        (["check", r"\sum_{i=1}^{n} i", "--against", r"\frac{n(n+1)}{2}", "--assume", POS], 0, "holds"),
    ],
)
def test_command_words_and_exit_codes(capsys, argv, code, first):
    assert main([*argv, "--seed", "0", "--samples", "300"]) == code
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(first + ":")


def test_command_bad_input_is_one_line_exit_2(capsys):
    assert main(["check", "x < 1", "--against", "x", "--seed", "0"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1


def test_batch_gives_one_json_line_per_pair(tmp_path, capsys):
    lines = [
        {"id": "a", "latex": "2x", "against": "x + x"},
        {"id": "b", "latex": r"\lfloor n/2 \rfloor", "against": r"\lceil (n-1)/2 \rceil", "assume": POS},
        {"id": "c", "latex": r"\min(x, 7)", "against": "x"},
        {"id": "d", "latex": "x < 1", "against": "x"},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\nnot json\n", encoding="utf-8")
    assert main(["check", "--batch", str(path), "--seed", "0", "--samples", "200"]) == 2
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["verdict"] for r in out] == ["holds", "holds", "refuted", "bad input", "bad input"]
    assert [r.get("id") for r in out][:4] == ["a", "b", "c", "d"]


def test_check_lines_reads_a_claim_too():
    record = json.dumps({"latex": r"1 + d(k - 1)", "claim": "dilated.effective_kernel"})
    assert next(check_lines([record], samples=100, seed=0))["verdict"] in ("holds", "holds on samples")
