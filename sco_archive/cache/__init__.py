"""Caching: what earlier builds loaded and derived, kept on disk under keys that change whenever
their inputs do."""
