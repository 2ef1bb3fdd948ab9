"""The repository's own registry and 2023 round, loaded once for tests that need a real outline."""
from __future__ import annotations

from build_hooks.corpus.tree import load_corpus
from build_hooks.settings import SUBMISSIONS_DIR

CORPUS, _PROBLEMS = load_corpus(SUBMISSIONS_DIR)
assert not _PROBLEMS, _PROBLEMS
ROUND = CORPUS.round(2023)
REGISTRY = CORPUS.registry
