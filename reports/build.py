"""Write report.tex and run latexmk in the run's staging folder (:mod:`convproof.reports.outputs`).

A failed TeX run leaves nothing behind in the output folder and raises
:class:`TexBuildError` with the relevant lines of the TeX log, not the whole log.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..derivations.errors import TexBuildError, ToolMissingError
from .outputs import new_file_mode, write_file

__all__ = ["ENGINES", "BuildResult", "build_edition", "check_engine"]

# Edition -> (latexmk flag, engine binary): XeLaTeX for both, the English one quotes the report's Persian.
ENGINES = {"en": ("-xelatex", "xelatex"), "fa": ("-xelatex", "xelatex")}
_INSTALL_HINT = (
    "install Debian's TeX Live (apt-get install latexmk texlive-latex-recommended texlive-xetex "
    "texlive-lang-arabic fonts-hosny-amiri, or run 'bash scripts/setup.sh report'), or pass --tex-only"
)


@dataclass
class BuildResult:
    """Where an edition was written and how long each stage took (seconds)."""

    lang: str
    tex: Path
    pdf: Path | None
    timings: dict[str, float] = field(default_factory=dict)


def check_engine(lang: str) -> None:
    """Raise ToolMissingError unless latexmk and the edition's engine are on PATH."""
    for tool in ("latexmk", ENGINES[lang][1]):
        if shutil.which(tool) is None:
            raise ToolMissingError(f"{tool} is not installed, needed for the {lang} PDF; {_INSTALL_HINT}")


def _log_excerpt(log: Path, limit: int = 12) -> str:
    if not log.exists():
        return "no log was written"
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    picked: list[str] = []
    for pos, line in enumerate(lines):
        if line.startswith("!") or re.match(r"^\S*\.tex:\d+: ", line):
            picked.extend(lines[pos : pos + 3])
        if len(picked) >= limit:
            break
    return " | ".join(s.strip() for s in picked[:limit] if s.strip()) or "see the TeX log"


def _run_tex(lang: str, folder: Path) -> None:
    flag, _ = ENGINES[lang]
    env = dict(os.environ)
    if "SOURCE_DATE_EPOCH" in env:
        env.setdefault("FORCE_SOURCE_DATE", "1")
    command = ["latexmk", flag, "-interaction=nonstopmode", "-halt-on-error", "-file-line-error", "report.tex"]
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (folder / "report.pdf").exists():
        raise TexBuildError(f"the {lang} edition failed to compile: {_log_excerpt(folder / 'report.log')}")


def build_edition(
    lang: str, tex: str, stage: Path, *, tex_only: bool, assets: dict[str, bytes] | None = None
) -> BuildResult:
    """Compile one edition in ``stage/work-LANG`` and gather report.tex/pdf and figures in ``stage/LANG``.

    The folder ``stage/LANG`` is what :func:`convproof.reports.outputs.publish` moves into place.
    """
    if not tex_only:
        check_engine(lang)
    work, target = stage / f"work-{lang}", stage / lang
    work.mkdir()
    target.mkdir()
    timings: dict[str, float] = {}
    files = {"report.tex": tex.encode("utf-8"), **(assets or {})}
    for name, data in files.items():
        write_file(work / name, data, option=f"--out (the {lang} edition)")
    if not tex_only:
        start = time.perf_counter()
        _run_tex(lang, work)
        timings["tex engine"] = time.perf_counter() - start
        files["report.pdf"] = b""
    for name in files:
        os.replace(work / name, target / name)
        os.chmod(target / name, new_file_mode())
    pdf = target / "report.pdf" if not tex_only else None
    return BuildResult(lang, target / "report.tex", pdf, timings)
