"""The bulk downloads of /data/: every published record in CSV (zipped, one file per record type) and JSON,
built nightly (Celery beat, `tracker.tasks.build_downloads`) and on demand (`manage.py build_downloads`)."""
