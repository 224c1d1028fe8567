"""Building: the planned pages → a site folder, through MkDocs and the archive's plugin, swapped in
whole; hands the built site to search and publishing."""
