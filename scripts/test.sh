#!/usr/bin/env bash
# Set up (as the Quickstart does) and run the whole test suite plus lint and type checks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --dev
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
