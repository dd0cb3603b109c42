"""Shared code of the reply site: source -> model -> pages (and the raw importer)."""
