#!/usr/bin/env bash
# Set up convproof on a fresh Debian machine, then regenerate the report or run the tests.
#
#   bash scripts/setup.sh report   # -> build/en/report.pdf and build/fa/report.pdf
#   bash scripts/setup.sh test     # the whole test suite, thorough profile, plus ruff
#
# Installs only what is missing: Debian's TeX Live (latexmk, pdflatex, xelatex with
# xepersian and the Amiri font, poppler-utils) and a virtual environment .venv with
# convproof, its dev extra and the optional PyTorch oracle (CONVPROOF_TORCH=0 skips it).
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-}"
case "$mode" in
  report|test) ;;
  *) echo "usage: bash scripts/setup.sh report|test" >&2; exit 2 ;;
esac

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
command -v latexmk >/dev/null || apt_packages+=(latexmk)
command -v pdflatex >/dev/null || apt_packages+=(texlive-latex-base)
kpsewhich booktabs.sty >/dev/null 2>&1 || apt_packages+=(texlive-latex-recommended texlive-fonts-recommended lmodern)
command -v xelatex >/dev/null || apt_packages+=(texlive-xetex)
kpsewhich xepersian.sty >/dev/null 2>&1 || apt_packages+=(texlive-lang-arabic)
fc-list 2>/dev/null | grep -i amiri >/dev/null || apt_packages+=(fonts-hosny-amiri)  # no -q: SIGPIPE would fail the pipe
command -v pdftotext >/dev/null || apt_packages+=(poppler-utils)
python3 -c "import ensurepip, venv" 2>/dev/null || apt_packages+=(python3-venv python3-pip)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${apt_packages[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

# Reinstall the environment only when pyproject.toml changed since the last set-up.
stamp=".venv/.convproof-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1) torch=${CONVPROOF_TORCH:-1}"
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
  extras="dev"
  [ "${CONVPROOF_TORCH:-1}" = "1" ] && extras="dev,torch"
  # pip's build warnings go to a log; it is shown only when the install fails
  if ! .venv/bin/python -m pip install -q -e ".[${extras}]" > .venv/pip-install.log 2>&1; then
    cat .venv/pip-install.log >&2
    echo "setup: pip install failed (log above)" >&2
    exit 1
  fi
  echo "$want" > "$stamp"
fi

if [ "$mode" = report ]; then
  exec .venv/bin/convproof report --out build
fi
.venv/bin/ruff check .
CONVPROOF_PROFILE="${CONVPROOF_PROFILE:-thorough}" exec .venv/bin/python -m pytest -q
