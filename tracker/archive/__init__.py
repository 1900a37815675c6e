"""Archived copies of the pages records cite (issue 29): fetched safely after a publish, kept as WARC files in
the site's storage, retried with back-off, and checked again every week for dead links and changed pages."""
