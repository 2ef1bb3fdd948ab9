"""Core of the yearly industry report publisher.

Every module here is plain Python (no MkDocs import) except ``mkdocs_hooks``,
the adapter that MkDocs loads from ``mkdocs.yml``.
"""
