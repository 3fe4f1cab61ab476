"""The homework's quantities: each judges another report's formula exactly as the vendored claim is judged."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

from convproof.derivations.claims import homework, registry
from convproof.derivations.errors import ConvproofError, UnknownClaimError
from convproof.verify import run_claim

QUANTITIES = homework.quantities()
IDS = [q.id for q in QUANTITIES]
# quantities the vendored report states as a formula (it writes its NRMSE normalisers and Q3's first ReLU
# cell in words, and convproof's own claim on dropout's scaling has no source)
FORMULA_IDS = [qid for qid in IDS if re.fullmatch(r"[^\u0600-\u06FF]+", registry.get(qid).source or "")]
DOC = Path(__file__).resolve().parents[2] / "docs" / "homework.md"


def _run(claim):
    return run_claim(claim, samples=200, seed=0, oracle=False)


def _named(q, latex: str) -> bool:
    lhs = homework.normalise(homework.left_side(latex))
    return bool(lhs) and any(re.fullmatch(p, lhs, re.I) for p in q.lhs)


def test_every_question_has_quantities():
    by_question = {q.question for q in QUANTITIES}
    assert by_question == {"Q1", "Q2", "Q3", "Q4"}
    assert len(IDS) == len(set(IDS))
    assert all(q.title and q.words for q in QUANTITIES)


@pytest.mark.parametrize("qid", FORMULA_IDS)
def test_vendored_source_through_build_gets_the_vendored_verdict(qid):
    q, vendored = homework.quantity(qid), registry.get(qid)
    context = {}
    if q.adds:  # Q3's total adds the values the report wrote in its parameter column
        cells = [c for c in registry.all_claims() if c.id.startswith("cnn_table.") and c.id.endswith(".params")]
        context["stated"] = tuple(c.claimed[-1][1] for c in cells if c.claimed)
        assert len(context["stated"]) == len(cells) - 1  # the row of Persian words states no number
    built = q.build(vendored.source, **context)
    assert (built.id, built.source, built.question, built.part) == (qid, vendored.source, q.question, q.part)
    assert built.reference == vendored.reference and built.domain == vendored.domain
    assert _run(built).status == _run(vendored).status


# (quantity, a correct formula another report could write, a planted wrong one)
ALTERNATIVES = (
    ("dilated.rf_closed_form", r"RF_i = 1 + i(k-1)d", r"RF_i = 1 + ik"),
    ("dilated.rf_closed_form", r"RF(i) = 1 + i d (k - 1)", r"RF(i) = i d (k - 1)"),
    ("dilated.rf_recurrence", r"RF_i = RF_{i-1} + d(k-1)", r"RF_i = RF_{i-1} + k d"),
    ("dilated.output_size", r"O = N - d(k-1)", r"O = N - k + 1"),
    ("metrics.mse", r"\text{MSE} = \frac{1}{n} \sum_{i=1}^n (\hat{y}_i - y_i)^2", r"MSE = \sum_{i=1}^n (y_i - \hat{y}_i)^2"),
    ("activations.relu", r"\mathrm{ReLU}(x) = \max(x, 0)", r"f(x) = \max(0.1 x, x)"),
    ("conv_grads.dL_dw2", r"\frac{dL}{dw_2} = (\hat{y} - y) v_2", r"\frac{\partial L}{\partial w_2} = (y - \hat{y}) v_2"),
    ("conv_grads.dL_dki_general",
     r"\frac{\partial L}{\partial k_i} = \alpha_1 u_i + \alpha_2 u_{i+1} + \dots + \alpha_m u_{i+m-1}",
     r"\frac{\partial L}{\partial k_i} = \alpha_1 u_{i+1} + \alpha_2 u_{i+2} + \dots + \alpha_m u_{i+m}"),
    ("cnn_table.conv1.params", r"(3 \cdot 3 \cdot 3 + 1) \cdot 8 = 224", r"3 \cdot 3 \cdot 8 = 72"),
    ("cnn_table.conv2.shape", r"6 \times 6 \times 16", r"7 \times 7 \times 16"),
)  # fmt: skip


@pytest.mark.parametrize(
    ("qid", "right", "wrong"), ALTERNATIVES, ids=[f"{a[0]}-{n}" for n, a in enumerate(ALTERNATIVES)]
)
def test_another_report_right_and_wrong(qid, right, wrong):
    q = homework.quantity(qid)
    good, bad = _run(q.build(right)), _run(q.build(wrong))
    assert good.status == "verified", good.evidence
    assert all(e.passed is not False for e in good.evidence)
    assert good.source == right
    assert bad.status == "refuted"
    assert any(e.passed is False for e in bad.evidence)
    assert bad.counterexample is not None


def test_a_wrong_side_of_a_chain_is_the_one_refuted():
    verdict = _run(homework.quantity("dilated.rf_layer2").build(r"RF_2 = RF_1 + (k-1)d = 1 + 2(k-1)"))
    assert verdict.status == "refuted" and verdict.counterexample.part == "side 3"


@pytest.mark.parametrize(
    ("qid", "text"),
    [
        ("dilated.rf_closed_form", r"RF_i = 1 + (k - 1"),
        ("metrics.mse", r"\text{MSE} = \frac{1}{n} \sum_{i=1}^n"),
        ("conv_grads.dL_dk1", r"\frac{\partial L}{\partial k_1} = \alpha_1 u_1 +"),
        ("activations.gelu_tanh_form", r"f(x) = 0.5x(1 + \tanh["),
        ("cnn_table.pool1.shape", r"16 \times"),
        ("dilated.rf_base", "   "),
    ],
)
def test_text_that_does_not_parse_raises_our_error_with_the_reason(qid, text):
    with pytest.raises(ConvproofError) as caught:
        homework.quantity(qid).build(text)
    message = str(caught.value)
    assert message.startswith(qid) and "\n" not in message.strip()
    assert len(message) > len(qid) + 20  # says why, not only which


def test_unknown_quantity_lists_close_matches():
    with pytest.raises(UnknownClaimError, match=re.escape("dilated.rf_closed_form")):
        homework.quantity("dilated.rf_closed_from")


def test_left_hand_side_is_rewritten_for_the_parser_only():
    claim = homework.quantity("conv_grads.dL_dk1").build(
        r"\frac{dL}{dk_1} = \alpha_1 u_1 + \alpha_2 u_2 + \alpha_3 u_3"
    )
    assert claim.source == r"\frac{dL}{dk_1} = \alpha_1 u_1 + \alpha_2 u_2 + \alpha_3 u_3"
    assert _run(claim).status == _run(registry.get("conv_grads.dL_dk1")).status


@pytest.mark.parametrize("qid", IDS)
def test_lhs_patterns_match_the_vendored_left_hand_side(qid):
    q = homework.quantity(qid)
    written = homework.left_side(registry.get(qid).source or "")
    for pattern in q.lhs:
        re.compile(pattern)
    if written and not re.search(r"[+\-]|\\times", written):  # a name, not an arithmetic expression
        assert _named(q, registry.get(qid).source), (qid, homework.normalise(written), q.lhs)


def test_no_two_quantities_claim_one_vendored_left_hand_side_without_words_to_tell_them_apart():
    for owner in QUANTITIES:
        source = registry.get(owner.id).source or ""
        for other in QUANTITIES:
            if other.id != owner.id and _named(other, source):
                assert set(other.words) != set(owner.words), (owner.id, other.id)
                assert set(owner.words) - set(other.words), (owner.id, other.id)


def test_the_doc_lists_every_quantity():
    text = DOC.read_text(encoding="utf-8")
    missing = [q.id for q in QUANTITIES if f"`{q.id}`" not in text]
    assert not missing
    script = runpy.run_path(str(DOC.parents[1] / "scripts" / "homework_doc.py"))
    assert script["render"]() == text, "docs/homework.md is stale: run python scripts/homework_doc.py"
