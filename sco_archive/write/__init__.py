"""Writing: the loaded corpus → every page the archive adds to docs/ (speech pages, home, timeline,
browse pages) and the site's downloads; hands the planned files to the build."""
