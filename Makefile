# The two commands a fresh machine needs (see README):
#   make run   — set up .venv from nothing and start ShopGuide on the demo store
#   make test  — set up .venv from nothing and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
# torch is pinned here, not in pyproject: an unpinned torch pulls a multi-GB CUDA build.
TORCH  ?= torch==2.13.0

.PHONY: setup run test bench lint package clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "$(TORCH)" -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/shopguide --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(VENV)/bin/shopguide bench --e2e --imports

# The self-contained bundle (dist/shopguide) and release tarball; see packaging/README.md.
package: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check "$(TORCH)" -e '.[test,package]'
	nice -n 10 packaging/build.sh

# Runs the built bundle (ask, then the window under Xvfb); does not rebuild it.
.PHONY: package-test
package-test: $(STAMP)
	SHOPGUIDE_PACKAGE_TEST=1 $(PY) -m pytest -q -p no:cacheprovider -m packaging tests/test_packaging_bundle.py

# Follows the README's install section on a fresh debootstrapped Debian 12 as a new user
# (needs root, debootstrap and a Debian mirror; minutes). Not in CI. See packaging/README.md.
.PHONY: clean-machine-test
clean-machine-test:
	packaging/clean_machine_test.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
