"""Importing commitments and status updates from spreadsheets (CSV or XLSX).

An import runs in two steps, the same in the admin and in `manage.py import_commitments`:

1. `plan.make_plan(table)` reads every row and works out, without writing anything, what it would
   do: create a commitment, change one, leave one unchanged, or reject the row (naming the column
   and the reason in the words of the model validation and `tracker/models/rules.py`).
2. `tracker.publishing.imports.apply_plan(plan, ...)` writes the created and changed commitments,
   each as one public revision with the import's edit summary. A plan with a rejected row applies
   nothing unless the editor asks for the valid rows to be applied.

`columns` documents the columns (docs/importing.md is the long form), `reading` turns a CSV or XLSX
file into rows, `cells` turns cells into values with plain-language errors; `plan` says which
modules the dry run is made of.
"""
