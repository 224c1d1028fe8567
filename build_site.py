"""Build the SCO speech archive: `python build_site.py build|serve|check|deploy --help`."""

from sco_archive.cli import main

if __name__ == "__main__":
    main()
