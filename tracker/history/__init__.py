"""Citable public history: revision lists, permanent revision pages, compares, citations, feeds."""
