"""Core of the yearly industry report publisher.

Packages by stage, each importing only from the stages before it (the README's map
lists them in that order; ``tests/test_architecture.py`` holds the code to it). Every
module is plain Python except the adapter, ``mkdocs_hooks`` (the events MkDocs loads
from ``mkdocs.yml``) and ``mkdocs_serve`` (what only ``mkdocs serve`` needs): the only
modules that import MkDocs.
"""
