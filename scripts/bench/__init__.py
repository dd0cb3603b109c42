"""The pieces of scripts/benchmark.py: one module per kind of measurement."""
