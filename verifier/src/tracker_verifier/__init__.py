"""Check the accountability tracker's transparency log from outside (README.md). No Django, no project code."""
