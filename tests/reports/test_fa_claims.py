"""The Persian edition's prose about each claim: every reading, caption, label, convention and summary in Persian.

Every registered claim's English (``note``, ``derivation`` captions, the labels of its claimed
parts, its conventions' names, its ``prose``) must have a Persian text in
:mod:`convproof.reports.i18n.fa_claims`, and so must the parts the checks name in the
counterexamples of the seed-0 run (200 instances a claim). A Persian text fails when it loses or
alters a formula of its English (the ``$...$`` segments, compared as a multiset: Persian word
order may put them in another order), when it has no Persian letter, or when it keeps an English
word (a run of three or more Latin letters outside ``$...$``) that :data:`ALLOWED_LATIN` does not
name.
"""

from __future__ import annotations

import re

import pytest

from convproof.derivations.claims import homework, registry
from convproof.reports.i18n.fa_claims import CAPTIONS, CONVENTIONS, LABELS, NOTE_TEXTS, NOTES, PROSE, persian
from convproof.verify import run_all

_MATH = re.compile(r"\$[^$]*\$")
_PERSIAN = re.compile(r"[\u0600-\u06FF]")
# a Latin word, dotted names (torch.nn.ReLU, a claim id) taken whole; English if it has 3 Latin letters in a row
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_ENGLISH = re.compile(r"[A-Za-z]{3}")
_SIDE = re.compile(r"side \d+")  # labels the renderer words itself

# Latin words that Persian technical writing keeps as they are
ALLOWED_LATIN = frozenset(
    {
        # libraries, and the SymPy module the CDF comes from
        *("PyTorch", "NumPy", "SymPy", "Keras", "mpmath", "sympy.stats"),
        # names of activation functions and layers as the frameworks and the report spell them
        *("ReLU", "PReLU", "RReLU", "LeakyReLU", "ELU", "SELU", "GELU", "tanh", "Dropout2D", "Dropout3D"),
        # arguments of NumPy and PyTorch, written as code
        *("ddof", "negative_slope", "max_val", "min_val", "None"),
        # acronyms: the report's metrics, and network kinds
        *("MSE", "RMSE", "NRMSE", "RRMSE", "IQR", "MLP", "GAN"),
        # the layers of Q3 in the report's own notation (CONV3-8, Pool-2, ...)
        *("CONV3", "CONV5", "Pool", "BATCHNORM", "FLATTEN"),
        # authors and venue of the cited papers, spelt as published so they can be looked up
        *("Despotovic", "Klambauer", "Hendrycks", "Gimpel", "Baldi", "Hornik", "Araujo", "Distill", "Tompson"),
    }
)
CLAIM_IDS = frozenset(claim.id for claim in registry.all_claims())


def english_words(text: str) -> list[str]:
    """The English words of ``text`` outside its formulas: no claim id, no torch.nn class, not allowed."""
    words = _WORD.findall(_MATH.sub(" ", text))
    return [
        w
        for w in words
        if _ENGLISH.search(w) and w not in ALLOWED_LATIN and w not in CLAIM_IDS and not w.startswith("torch.nn.")
    ]


def problems(english: str, persian_text: str | None) -> list[str]:
    """What is wrong with the Persian of one English text; [] when it is right."""
    if persian_text is None or persian_text == english:
        return ["not translated"]
    found = []
    if persian_text.count("$") % 2:
        found.append("unbalanced $")
    if sorted(_MATH.findall(english)) != sorted(_MATH.findall(persian_text)):
        found.append(f"formulas differ: {sorted(set(_MATH.findall(english)) ^ set(_MATH.findall(persian_text)))}")
    if not _PERSIAN.search(_MATH.sub(" ", persian_text)):
        found.append("no Persian")
    if english_words(persian_text):
        found.append(f"English left: {english_words(persian_text)}")
    return found


def needs_words(label: str) -> bool:
    """A label is translated when it has words: not ``side n``, not a bare formula."""
    return not _SIDE.fullmatch(label) and bool(_ENGLISH.search(_MATH.sub(" ", label)))


CLAIMS = registry.all_claims()


def _report(pairs) -> dict[str, list[str]]:
    return {key: found for key, english, fa in pairs if (found := problems(english, fa))}


def note_problems(notes: dict[str, str]) -> dict[str, list[str]]:
    """Each claim whose note has no right Persian in ``notes``, with what is wrong."""
    return _report((c.id, c.note, notes.get(c.id)) for c in CLAIMS if c.note)


def test_every_note_reads_in_persian():
    assert len([c for c in CLAIMS if c.note]) > 100
    assert note_problems(NOTES) == {}


def test_every_derivation_caption_reads_in_persian():
    derived = [c for c in CLAIMS if c.derivation]
    assert len(derived) > 40
    counts = {c.id: (len(c.derivation), len(CAPTIONS.get(c.id, ()))) for c in derived}
    assert {cid: n for cid, n in counts.items() if n[0] != n[1]} == {}
    pairs = [
        (f"{c.id}#{i}", caption, CAPTIONS[c.id][i]) for c in derived for i, (caption, _) in enumerate(c.derivation)
    ]
    assert _report(pairs) == {}


def test_captions_are_found_by_their_english():
    for claim in CLAIMS:
        for i, (caption, _) in enumerate(claim.derivation):
            assert persian("caption", claim.id, caption) == CAPTIONS[claim.id][i]


def test_every_convention_reads_in_persian():
    names = {name for c in CLAIMS for name, _ in c.conventions}
    assert names
    assert _report((name, name, CONVENTIONS.get(name)) for name in names) == {}


def test_every_summary_reads_in_persian():
    summarised = [c for c in CLAIMS if c.prose]
    assert len(summarised) > 30
    assert _report((c.id, c.prose, PROSE.get(c.id)) for c in summarised) == {}


def test_every_label_of_a_claimed_part_reads_in_persian():
    labels = {label for c in CLAIMS for label, _ in c.claimed if needs_words(label)}
    assert len(labels) > 10
    assert _report((label, label, persian("label", label, label)) for label in labels) == {}


@pytest.fixture(scope="module")
def parts() -> set[str]:
    verdicts = run_all(seed=0, samples=200)
    return {v.counterexample.part for v in verdicts if v.counterexample is not None and v.counterexample.part}


def test_every_part_of_a_counterexample_reads_in_persian(parts):
    named = {part for part in parts if needs_words(part)}
    assert any(part not in LABELS for part in named)  # a part a hook words, not a label
    assert _report((part, part, persian("label", part, part)) for part in named) == {}


def test_the_tables_hold_only_what_the_claims_say():
    """A translation of a text no claim has any more is stale: it must go with its English."""
    assert set(NOTES) - {c.id for c in CLAIMS if c.note} == set()
    assert set(CAPTIONS) - {c.id for c in CLAIMS if c.derivation} == set()
    assert set(PROSE) - {c.id for c in CLAIMS if c.prose} == set()
    assert set(CONVENTIONS) - {name for c in CLAIMS for name, _ in c.conventions} == set()


def test_the_fallback_is_the_english():
    assert persian("note", "no.such_claim", "as in English") == "as in English"
    assert persian("caption", "metrics.mse", "a caption the claim does not have") == "a caption the claim does not have"
    assert persian("label", "side 2", "side 2") == "side 2"
    assert persian("note", "metrics.mse", registry.get("metrics.mse").note) == NOTES["metrics.mse"]
    # a reading the vendored claim does not have (another report's claim): English, not a wrong Persian
    assert persian("note", "metrics.mse", "English") == "English"


def test_readings_another_reports_claims_get_are_translated():
    total = homework.quantity("cnn_table.total_sum").build("224 + 2 + 3276 = 3502")  # no parameter column
    assert persian("note", total.id, total.note) == NOTE_TEXTS[total.note]
    assert all(persian("caption", total.id, caption) != caption for caption, _ in total.derivation)
    with pytest.raises(ValueError):
        persian("title", "metrics.mse", "English")


def test_a_part_with_numbers_keeps_them():
    part = "the reconstruction error of an input 83.8 away from every training sample (training radius 9.02)"
    assert persian("label", part, part) == (
        "خطای بازسازی ورودی‌ای به فاصله‌ی 83.8 از همه‌ی نمونه‌های آموزشی (شعاع داده‌های آموزشی 9.02)"
    )


@pytest.mark.parametrize(
    ("english", "bad", "why"),
    [
        ("the mean of $x_i$", "the mean of $x_i$", "not translated"),
        ("the mean of $x_i$", None, "not translated"),
        ("the mean of $x_i$", "میانگین $x_j$", "formulas differ"),
        ("the mean of $x_i$ and $y$", "میانگین $x_i$", "formulas differ"),
        ("the mean of $x_i$", "the mean از $x_i$", "English left: ['the', 'mean']"),
        ("the mean of $x_i$", "mean of $x_i$ in NumPy", "no Persian"),
        ("the mean of $x_i$", "میانگین $x_i$ با $", "unbalanced $"),
    ],
)
def test_the_check_fails_on_a_bad_translation(english, bad, why):
    assert any(found.startswith(why) for found in problems(english, bad))


def test_the_check_fails_on_a_planted_bad_note():
    claim = next(c for c in CLAIMS if c.note and "$" in c.note)
    planted = {**NOTES, claim.id: "برداشت: the reading is " + _MATH.sub("$x$", NOTES[claim.id])}
    found = note_problems(planted)
    assert list(found) == [claim.id]
    assert [f.split(":")[0] for f in found[claim.id]] == ["formulas differ", "English left"]
    assert list(note_problems({k: v for k, v in NOTES.items() if k != claim.id})) == [claim.id]


def test_the_check_passes_the_allowed_names():
    text = "torch.nn.ReLU در PyTorch، همان activations.selu_constants با ddof برابر 0 و $\\alpha$"
    assert problems("torch.nn.ReLU in PyTorch, activations.selu_constants, ddof=0, $\\alpha$", text) == []
