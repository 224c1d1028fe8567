"""Publishing: a built site verified under its sub-path, then pushed to a gh-pages branch."""
