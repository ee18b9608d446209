"""Reference snapshots: public data kept as published under ``data/reference/``, with provenance.

Each snapshot is declared in ``data/reference/snapshots.yml`` (publisher, address, dates, sha256)
and read here once, cleaned in code and validated. A problem in a snapshot (a missing column, an
unparseable date, a county no rule places) is a data error like any other, with file, line and
field. Plain Python: nothing here imports mkdocs, and nothing outside :func:`sanctuary.load.load_guide`
opens these files.
"""
