"""What ``import`` remembers of an original is what ``check`` would read from it (corpus/fidelity.py)."""
from __future__ import annotations

import pytest
from importer import letters

from build_hooks.corpus.fidelity import _read_units
from build_hooks.importer.convert import convert, read_document
from support.real import ROUND


@pytest.mark.parametrize("name", sorted(letters.LETTERS))
def test_the_units_an_import_remembers_are_a_fresh_reads(tmp_path, name):
    """The check after an import takes the original's units from the cache the import filled
    (``remember_units``): they must be exactly what reading the kept file again gives."""
    path = tmp_path / f"{name}.docx"
    letter = letters.LETTERS[name](path)
    imported = convert(read_document(path, path.name), letter.agency, 2023, "x.md", ROUND.outline)
    assert imported.units and list(imported.units) == _read_units(str(path))
