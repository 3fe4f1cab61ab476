"""The report pipeline end to end: verify once, then render and build each edition."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from pathlib import Path

from ..derivations.claims import registry
from ..derivations.claims.vendored.findings import FINDINGS
from ..verify.runner import DEFAULT_SAMPLES, run_all
from . import document, figures, q3
from .build import BuildResult, build_edition, check_engine
from .i18n import strings
from .outputs import check_edition, prepare_out, publish, staging
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

    Every problem with the output is found before the verification starts; the editions are
    built in a staging folder and replace the previous ones together, or not at all. The
    findings are the vendored report's (declared data); ``rubric`` adds a suggested score.
    """
    if not tex_only:
        for lang in langs:
            check_engine(lang)  # fail before minutes of work, and before the output folder is made
    out, created = prepare_out(out_dir)
    try:
        for lang in langs:
            check_edition(out, lang)
        with staging(out) as stage:
            results, timings = _build_all(langs, stage, tex_only=tex_only, samples=samples, seed=seed, rubric=rubric)
            publish(out, {result.lang: result.tex.parent for result in results}, stage)
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()  # only if still empty
        raise
    placed = [
        BuildResult(r.lang, out / r.lang / r.tex.name, r.pdf and out / r.lang / r.pdf.name, r.timings) for r in results
    ]
    return placed, timings


def _build_all(
    langs: Sequence[str], stage: Path, *, tex_only: bool, samples: int | None, seed: int, rubric: Rubric | None
):
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
        result = build_edition(lang, tex, stage, tex_only=tex_only, assets=assets)
        for name, sec in result.timings.items():
            timings[f"{name} ({lang})"] = sec
        results.append(result)
    return results, timings
