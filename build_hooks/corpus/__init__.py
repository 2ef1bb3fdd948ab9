"""The whole submissions tree, read and checked (``tree``): every file under ``submissions/`` is
parsed by ``load`` and judged by ``rules``, or reported. Above both, so that neither needs the other."""
