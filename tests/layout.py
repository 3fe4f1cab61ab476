"""The repository's folders as the installed package sees them (shared by the structure tests)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# repository folder -> the import name it is installed as (pyproject.toml's package-dir)
FOLDERS = {
    "convproof": "convproof",
    "derivations": "convproof.derivations",
    "verify": "convproof.verify",
    "reports": "convproof.reports",
}


def modules() -> dict[str, Path]:
    """Every module of the package: its import name -> its file."""
    found = {}
    for folder, name in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([name, *parts])] = path
    return found
