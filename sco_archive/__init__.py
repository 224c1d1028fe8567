"""The SCO speech archive: raw speeches in, a searchable static website out."""

# First of all: the engine is chosen before any module of the package imports `mkdocs`, which
# under ProperDocs is redirected to it (sco_archive/engine.py).
import sco_archive.engine  # noqa: F401

__version__ = "0.1.0"

# Bump when a change to reading or inference changes what a document loads as: it invalidates
# every cached document, so that no page keeps metadata inferred by older rules.
LOADER_VERSION = "7"
