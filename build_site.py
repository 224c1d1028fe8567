"""Build the SCO speech archive: `python build_site.py build|serve|check|deploy --help`."""

import sys

try:
    from sco_archive.cli import main
except ImportError as error:
    # SCO_ARCHIVE_ENGINE names no engine that is installed (sco_archive/engine.py): say so.
    if type(error).__name__ != "EngineError":
        raise
    sys.exit(f"Error: {error}")

if __name__ == "__main__":
    main()
