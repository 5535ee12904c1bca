# The two set-up commands of the README: `make demo` and `make test`.
# Both install what is missing first (scripts/setup.sh), as root or with the
# exact command to run printed.

AS_OF ?= 2026-11-15
VENV  := .venv/bin

.PHONY: setup demo test lint bench clean-cache

setup:
	@bash scripts/setup.sh

demo: setup
	$(VENV)/dossier-check check samples/dossiers/complete --as-of $(AS_OF)

test: setup
	$(VENV)/python -m pytest -n 2 -q

lint: setup
	$(VENV)/ruff check dossier_check tests samples benchmarks

clean-cache: setup
	$(VENV)/dossier-check cache --purge
