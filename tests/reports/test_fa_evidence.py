"""The Persian edition's evidence: every method and detail of every verdict reads in Persian.

The verdicts are those of ``convproof verify --seed 0 --oracle`` (in-process, 200 instances a
claim); a sentence fails when no pattern of :mod:`convproof.reports.i18n.fa_evidence` reads
it, when its Persian keeps an English word outside ``$...$`` that the module's allow-list does
not name, or when a formula of the English is lost on the way.
"""

from __future__ import annotations

import re

import pytest

from convproof.derivations.claims import registry
from convproof.reports.i18n import fa_evidence
from convproof.reports.i18n.fa_evidence import latin_words, persian_evidence
from convproof.verify import run_all

_MATH = re.compile(r"\$[^$]*\$")
_PERSIAN = re.compile(r"[\u0600-\u06FF]")

# sentences of branches the seed-0 run does not take (a failed check, a skipped tier, the other wording)
OTHER_BRANCHES = (
    "PyTorch not installed: skipped",
    "not run (convproof verify --oracle runs it)",
    "undecided: formula, side 2",
    "formula: wrong number of components",
    "simulation with NumPy; agrees with the reference",
    "mutant 2 differs",
    "no difference where the claim is defined",
    "largest difference $0.5$ at $x = 1.0000$; as written undefined at 3 grid points, e.g. $x = 0.0000$",
    "exact, by cases between the kinks (1 region comparison)",
    "undecided for formula",
    "both parts equal to the reference on every region",
    "all 4 parts equal to the reference on every region",
    "SymPy simplification of the difference for symbolic $n$",
    "undecided",
    "exact, for every $n$",
    "differs at $n = 5$",
    "unrolled, exact",
    "differs at $n = 3$, $K = 2$, $i = 1$",
    "no dataset the statement speaks about",
    "PyTorch's gelu (tanh approximation) in float64",
    r"kept values are not $x/(1-p)$; chance of a coarser-looking mask $\le 10^{-3}$",
    "in inference a sample's output differs alone and in its batch; in training it does not change with its batch-mates",
    "in eval mode a sample's output differs alone, in its batch and in the NumPy inference; "
    "in train mode it does not depend on the batch",
    r"batch variance $1$; with $\varepsilon$ the output is $\beta$ for every $x_1$; without $\varepsilon$ it is $x_{1}$",
    "accepted an input of shape $(1, 5)$",
    r"some channel had no positive variance over its $H \times W$ values or was not centred",
    "no witness point found",
    r"parameters weight ($\gamma$ is weight, $\beta$ is bias), not all with a non-zero gradient; buffers running_mean",
    "running statistics after one batch, PyTorch (momentum 0.1 on the new value)",
    "reconstruction error $0.5$ against the threshold $0.1$: flagged",
    "not parameters: none; missing: $w_{1}, b$",
)


def unreadable(texts) -> dict[str, str]:
    """Each sentence the Persian edition could not print as Persian, with the reason."""
    found = {}
    for text in texts:
        persian = persian_evidence(text)
        if persian is None:
            found[text] = "no pattern"
        elif latin_words(persian):
            found[text] = f"English left: {latin_words(persian)}"
        elif not _PERSIAN.search(persian) and not _MATH.fullmatch(text):
            found[text] = "not translated"
        elif sorted(_MATH.findall(text)) != sorted(m for m in _MATH.findall(persian) if m in _MATH.findall(text)):
            found[text] = "a formula was lost"
    return found


@pytest.fixture(scope="module")
def texts() -> list[str]:
    verdicts = run_all(seed=0, samples=200)
    return sorted({text for v in verdicts for e in v.evidence for text in (e.method, e.detail) if text})


def test_the_run_gives_sentences_to_read(texts):
    assert len(texts) > 150


def test_every_method_and_detail_of_the_verdicts_reads_in_persian(texts):
    assert unreadable(texts) == {}


@pytest.mark.parametrize("text", OTHER_BRANCHES)
def test_the_branches_the_run_does_not_take_read_in_persian(text):
    assert unreadable([text]) == {}


def test_every_label_of_a_claimed_part_reads_in_persian():
    labels = sorted({label for claim in registry.all_claims() for label, _ in claim.claimed})
    assert unreadable(f"{label} differs" for label in labels) == {}


def test_the_check_fails_on_an_untranslated_sentence(monkeypatch):
    assert unreadable(["a sentence no check writes"]) == {"a sentence no check writes": "no pattern"}
    leaky = (re.compile("largest gap (?P<x>\\d+)"), "بیشترین gap <x>")
    monkeypatch.setattr(fa_evidence, "PATTERNS", (leaky, *fa_evidence.PATTERNS))
    assert unreadable(["largest gap 3"]) == {"largest gap 3": "English left: ['gap']"}


def test_numbers_and_formulas_are_kept():
    persian = persian_evidence("NumPy Dropout2d: 81 of 256 units zeroed at $p = 3/10$")
    assert persian == "Dropout2d در NumPy: 81 واحد از 256 واحد با $p = 3/10$ صفر شد"
