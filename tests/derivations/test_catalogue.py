"""The catalogue: every formula of the report is a claim's source or a non-claim with a reason."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convproof.derivations.claim import Claim
from convproof.derivations.claims import catalogue, registry
from convproof.derivations.claims.catalogue import NON_CLAIMS, NonClaim, account, counts, formulas
from convproof.derivations.errors import BadInputError


@pytest.fixture(scope="module")
def entries():
    return account()


def test_report_holds_48_display_and_70_inline_formulas(report_text):
    found = formulas(report_text)
    assert (sum(f.kind == "display" for f in found), sum(f.kind == "inline" for f in found)) == (48, 70)


def test_formulas_are_verbatim_slices_in_order(report_text):
    found = formulas(report_text)
    assert [f.number for f in found] == list(range(1, len(found) + 1))
    assert all(report_text[f.start : f.end] == f.latex for f in found)
    assert all(a.end < b.start for a, b in itertools.pairwise(found))
    assert all(report_text.count("\n", 0, f.start) + 1 == f.line for f in found)


def test_every_formula_is_a_claim_or_a_non_claim(entries):
    missing = [
        f"#{e.formula.number} line {e.formula.line}: {e.formula.latex}" for e in entries if e.status == "unaccounted"
    ]
    assert not missing, f"{len(missing)} formulas are neither a claim's source nor a non-claim:\n" + "\n".join(missing)


def test_every_non_claim_accounts_for_a_formula(entries):
    used = {id(e.non_claim) for e in entries if e.non_claim is not None}
    stale = [n.latex for n in NON_CLAIMS if id(n) not in used]
    assert not stale, f"non-claims now covered by claims (remove them from NON_CLAIMS): {stale}"


def test_every_non_claim_says_why():
    for entry in NON_CLAIMS:
        assert entry.reason.split(":")[0] in {"notation", "fragment", "repeat"}, entry


def test_claims_listed_for_a_formula_exist(entries):
    for entry in entries:
        for claim_id in entry.claims:
            assert registry.get(claim_id).source is not None


def test_counts_add_up(entries):
    c = counts(entries)
    assert c["formulas"] == c["display"] + c["inline"] == c["claim"] + c["non-claim"] + c["unaccounted"]


# A made-up report, to pin down the rules of accounting.
TEXT = (
    "Row A $3 \\times 8$ | Row B $3 \\times 8$ | Row C $3 \\times 8$\n"
    "slope $\\alpha$ is learnt; $$a = 1 \\quad b = 2$$ and $$c = 3 \\quad d = 4$$ and $$f(x) = x$$"
)


def _claim(cid: str, source: str | None) -> Claim:
    return Claim(id=f"t.{cid}", where="here", source=source, extension=source is None)


def _status(text, claims, non_claims=()):
    return [(e.formula.latex, e.status, e.claims) for e in account(text, claims, non_claims)]


def test_a_repeated_source_covers_one_place_per_claim():
    got = _status(TEXT, [_claim("one", "3 \\times 8"), _claim("two", "3 \\times 8")])
    assert [s for _, s, _ in got[:3]] == ["claim", "claim", "unaccounted"]
    assert [c for *_, c in got[:2]] == [("t.one",), ("t.two",)]


def test_more_claims_than_places_all_cite_the_last_place():
    got = _status("$$f(x) = x$$", [_claim("a", "f(x) = x"), _claim("b", "f(x) = x")])
    assert got == [("f(x) = x", "claim", ("t.a", "t.b"))]


def test_a_sentence_or_cell_holding_a_formula_covers_it():
    got = _status(TEXT, [_claim("prose", "slope $\\alpha$ is learnt"), _claim("row", "Row C $3 \\times 8$")])
    assert got[2][1:] == ("claim", ("t.row",))
    assert got[3][1:] == ("claim", ("t.prose",))


def test_claims_tiling_a_display_cover_it_but_one_piece_does_not():
    got = _status(TEXT, [_claim("a", "a = 1"), _claim("b", "b = 2"), _claim("c", "c = 3")])
    assert got[4][1:] == ("claim", ("t.a", "t.b"))
    assert got[5][1] == "unaccounted"


def test_extensions_cover_nothing():
    assert _status("$$f(x) = x$$", [_claim("ext", None)])[0][1] == "unaccounted"


def test_non_claims_cover_what_no_claim_covers():
    every = NonClaim("3 \\times 8", "repeat")
    second = NonClaim("3 \\times 8", "repeat", occurrence=2)
    claims = [_claim("one", "3 \\times 8")]
    assert [s for _, s, _ in _status(TEXT, claims, [every])[:3]] == ["claim", "non-claim", "non-claim"]
    assert [s for _, s, _ in _status(TEXT, claims, [second])[:3]] == ["claim", "non-claim", "unaccounted"]


@pytest.mark.parametrize(
    ("entry", "needle"),
    [
        (NonClaim("3 \\times 9", "notation"), "not a formula of the report"),
        (NonClaim("3 \\times 8", "repeat", occurrence=4), "writes it 3 time"),
        (NonClaim("3 \\times 8", "repeat", occurrence=0), "writes it 3 time"),
    ],
    ids=["not-in-report", "occurrence-too-high", "occurrence-zero"],
)
def test_bad_non_claims_are_rejected(entry, needle):
    with pytest.raises(BadInputError, match=needle):
        account(TEXT, [], [entry])


def test_formulas_rejects_non_text():
    with pytest.raises(BadInputError, match="must be text"):
        formulas(b"$x$")


plain = st.text(alphabet=st.sampled_from("abc xyz\nالف"), max_size=12)
math = st.text(alphabet=st.sampled_from("kd+-=()\\{}_^ 12"), min_size=1, max_size=12).filter(lambda t: t.strip())


@given(st.lists(st.tuples(plain, st.booleans(), math), max_size=6), plain)
def test_formulas_finds_exactly_what_was_written(pieces, tail):
    text = "".join(
        f"{words}{'$$' if display else '$'}{tex}{'$$' if display else '$'}" for words, display, tex in pieces
    )
    found = formulas(text + tail)
    assert [(f.kind, f.latex) for f in found] == [("display" if d else "inline", t) for _, d, t in pieces]


def test_report_path_points_at_the_vendored_report(report_text):
    assert catalogue.report_text() == report_text
