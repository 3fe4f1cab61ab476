"""The report pipeline end to end: verify once, then render and build each edition."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from ..derivations.claims import registry
from ..derivations.claims.vendored.findings import FINDINGS
from ..verify.runner import DEFAULT_SAMPLES, run_all
from . import document, figures, q3
from .build import BuildResult, build_edition, check_engine, prepare_out
from .i18n import strings
from .rubric import Rubric

__all__ = ["regenerate", "verify_all"]


def verify_all(samples: int | None, seed: int):
    """Every claim paired with its verdict, in registry order."""
    claims = registry.all_claims()
    verdicts = run_all(claims, samples=samples or DEFAULT_SAMPLES, seed=seed)
    return list(zip(claims, verdicts, strict=True)), samples or DEFAULT_SAMPLES


def regenerate(
    langs: Sequence[str],
    out_dir: str | Path,
    *,
    tex_only: bool = False,
    samples: int | None = None,
    seed: int = 0,
    rubric: Rubric | None = None,
) -> tuple[list[BuildResult], dict[str, float]]:
    """Build the given editions into ``out_dir``; returns the results and where the time went.

    The findings are the vendored report's (declared data); ``rubric`` adds a suggested score.
    """
    if not tex_only:
        for lang in langs:
            check_engine(lang)  # fail before minutes of work, and before the output folder is made
    out = prepare_out(out_dir)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    pairs, used = verify_all(samples, seed)
    timings["verification"] = time.perf_counter() - start
    results = []
    for lang in langs:
        start = time.perf_counter()
        assets = figures.render_assets(pairs, lang)
        timings[f"figures ({lang})"] = time.perf_counter() - start
        start = time.perf_counter()
        figure_latex = figures.figure_latex(strings(lang))
        verdicts = {claim.id: verdict for claim, verdict in pairs}
        extras = {"Q3": q3.q3_tables(verdicts, strings(lang), lang)}
        tex = document.render(
            pairs,
            lang=lang,
            seed=seed,
            samples=used,
            findings=FINDINGS,
            rubric=rubric,
            figures=figure_latex,
            extras=extras,
        )
        timings[f"LaTeX emission ({lang})"] = time.perf_counter() - start
        result = build_edition(lang, tex, out, tex_only=tex_only, assets=assets)
        for name, sec in result.timings.items():
            timings[f"{name} ({lang})"] = sec
        results.append(result)
    return results, timings
