"""The distribution installs one import package, convproof, and everything it reads at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile

import pytest

from tests.layout import FOLDERS, ROOT


def _declared() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_folder_with_an_init_is_a_declared_package():
    found = sorted(
        ".".join([FOLDERS[folder], *init.parent.relative_to(ROOT / folder).parts])
        for folder in FOLDERS
        for init in (ROOT / folder).rglob("__init__.py")
    )
    assert sorted(_declared()["packages"]) == found


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("wheel")
    # a copy, so that setuptools' build/ folder does not land beside the reports in the checkout
    source = out / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "__pycache__", "*.egg-info"))
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(out),
        str(source),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    (wheel,) = out.glob("convproof-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def test_the_wheel_installs_convproof_alone(wheel_files):
    tops = {name.split("/")[0] for name in wheel_files}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"convproof"}


def test_the_wheel_carries_every_module_the_vendored_report_and_the_templates(wheel_files):
    expected = {
        "/".join(["convproof", *([] if folder == "convproof" else [folder]), *path.relative_to(ROOT / folder).parts])
        for folder in FOLDERS
        for path in (ROOT / folder).rglob("*.py")
    }
    assert len(expected) > 80
    assert expected <= set(wheel_files)
    assert "convproof/derivations/claims/vendored/hw2-cnn-report.fa.md" in wheel_files
    assert {"convproof/reports/templates/common.tex", "convproof/reports/templates/preamble-fa.tex"} <= set(wheel_files)


def test_the_unpacked_wheel_runs_outside_the_checkout(wheel_files, tmp_path_factory):
    """Run from the wheel's own files (not the checkout): the command, the templates and the vendored report."""
    (wheel,) = [path for path in tmp_path_factory.getbasetemp().rglob("convproof-*.whl")]
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    script = (
        "import convproof, convproof.reports.document as d\n"
        "from convproof.derivations.claims.vendored import report_text\n"
        f"assert convproof.__file__.startswith({str(site)!r}), convproof.__file__\n"
        "assert 'xepersian' in d._template('preamble-fa.tex') and 'سوال' in report_text()\n"
        "print(convproof.layer_table('CONV3-8 FC-10', (8, 8, 1)).params)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(site), "HOME": str(site)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=site, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str((3 * 3 * 1 * 8 + 8) + (8 * 8 * 8 * 10 + 10))
    command = subprocess.run(
        [sys.executable, "-m", "convproof", "table", "CONV3-8 FC-10", "--input", "8x8x1"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert command.returncode == 0 and "FC-10" in command.stdout, command.stderr
