"""Open data: the read-only API at /api/v1/ (Django REST framework, documented by drf-spectacular), the Popolo
export of people and offices, and the bulk downloads of /data/ (docs/api.md).

Everything here reads the published state only (`RecordQuerySet.published()`), as the public pages do, and
reuses their questions: the commitment list's filters (tracker/public/filters.py), who held an office on a date
(tracker/public/ownership.py), the 410 of a taken-down record (tracker/history/gone.py). It sits above
`tracker.public` in the layers of pyproject.toml; nothing below imports it.
"""
