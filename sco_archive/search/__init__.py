"""Search: the built site → its Pagefind index, in shards, byte-identical from build to build."""
