"""What the content rules may look at for one submission."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from build_hooks.domain.model import Round, Submission
from build_hooks.load.yamlsource import YamlDoc


@dataclass(frozen=True)
class Context:
    """One submission as the rules see it: raw text, front-matter and body with their first lines.

    Built in stages by ``load.submission`` (the later fields stay empty when an
    earlier stage failed), so every rule runs on whatever could be understood.
    """

    path: str
    raw: str
    """The file as decoded, before any normalisation."""
    year: int
    rnd: Round | None = None
    today: _dt.date | None = None
    """The build date; dates after it are reported. None: the real today."""
    yaml_text: str = ""
    yaml_line: int = 0
    """Line of the first front-matter line in the file (0 when there is no front-matter)."""
    doc: YamlDoc | None = None
    body: str = ""
    body_line: int = 0
    submission: Submission | None = None
