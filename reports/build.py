"""Write report.tex and run latexmk, in a temporary folder, then move the results into place.

A failed TeX run leaves nothing behind in the output folder and raises
:class:`TexBuildError` with the relevant lines of the TeX log, not the whole log.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..derivations.errors import BadInputError, TexBuildError, ToolMissingError
from .cli.options import write_atomic

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


def prepare_out(out_dir: str | Path) -> Path:
    """The output folder, created if needed; a clear error if it cannot be written."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInputError(
            f"cannot create output folder {str(out)!r} ({exc.strerror}); choose a writable --out"
        ) from None
    if not os.access(out, os.W_OK):
        raise BadInputError(f"output folder {str(out)!r} is not writable; choose a writable --out")
    return out


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
    lang: str, tex: str, out_dir: Path, *, tex_only: bool, assets: dict[str, bytes] | None = None
) -> BuildResult:
    """Compile one edition in a temporary folder and move report.tex/pdf to ``out_dir/lang``."""
    if not tex_only:
        check_engine(lang)
    target = prepare_out(out_dir) / lang
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix=f".convproof-{lang}-", dir=out_dir) as scratch:
        folder = Path(scratch)
        (folder / "report.tex").write_text(tex, encoding="utf-8")
        for name, data in (assets or {}).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if not tex_only:
            start = time.perf_counter()
            _run_tex(lang, folder)
            timings["tex engine"] = time.perf_counter() - start
        target.mkdir(exist_ok=True)
        for name in assets or {}:
            dest = target / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(folder / name, dest)
        write_atomic(target / "report.tex", tex)
        pdf = None
        if not tex_only:
            pdf = target / "report.pdf"
            os.replace(folder / "report.pdf", pdf)
    return BuildResult(lang, target / "report.tex", pdf, timings)
