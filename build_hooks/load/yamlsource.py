"""YAML read strictly, keeping the position of every key and value.

PyYAML silently keeps the last of two duplicated keys and turns ``2023-12-08``
into a date object; both would lose what the author wrote. We compose the node
tree ourselves, so every value stays as written (timestamps as text) and every
key and value keeps its line and column, shifted to the file as the author sees
it (front-matter starts on line 2).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from build_hooks.domain.problems import Problem
from build_hooks.rules.catalogue import finding

Path_ = tuple  # a path into the document: ("indicators", 0, "value")


@dataclass
class YamlDoc:
    """A YAML document as plain Python values, with the line and column of every key and value."""
    value: object
    """The document as plain Python: dict, list, str, int, float, bool, None."""
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """Where each mapping key is written, 1-based (line, column)."""
    value_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """Where each value starts, 1-based (line, column)."""

    def where(self, path: Path_, prefer_key: bool = False) -> tuple[int, int]:
        """Best known position for ``path``, falling back to its parents."""
        tables = (self.key_pos, self.value_pos) if prefer_key else (self.value_pos, self.key_pos)
        while True:
            for table in tables:
                if path in table:
                    return table[path]
            if not path:
                return (1, 1)
            path = path[:-1]


# libyaml's parser when PyYAML was built with it: the same events, ten times faster.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):
    """Safe loader that reads no timestamps: dates stay as the text the author wrote."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}

# libyaml's parser, when PyYAML was built with it, reads the same YAML about ten times faster
# (it is what lets ``check`` go through a thousand submissions in about a second).
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):
        """The same loader on libyaml's parser."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
else:  # pragma: no cover - depends on how PyYAML was installed
    _FastLoader = _Loader


def plain_yaml(text: str) -> object:
    """YAML read as the project reads it (dates stay text), without positions or checks: for examples."""
    return yaml.load(text, Loader=_Loader)


_STANDARD_TAG = "tag:yaml.org,2002:"
"""libyaml reports ``!!int`` as ``tag:yaml.org,2002:int``; the author wrote the short form."""


def load_yaml(text: str, path: str, line_offset: int = 0, *,
              allow_tags: bool = False) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse ``text``; positions are shifted by ``line_offset`` lines.

    Returns ``(None, problems)`` when the text is not YAML at all.
    """
    problems: list[Problem] = []

    def at(mark) -> tuple[int, int]:
        return (mark.line + 1 + line_offset, mark.column + 1)

    try:
        if not allow_tags:
            for event in yaml.parse(text, Loader=_FastLoader):
                anchor = getattr(event, "anchor", None)
                tag = getattr(event, "tag", None)
                line, col = at(event.start_mark)
                if isinstance(event, yaml.AliasEvent):
                    problems.append(finding("yaml-alias", path, line, col, anchor=anchor))
                elif anchor:
                    problems.append(finding("yaml-anchor", path, line, col, anchor=anchor))
                if tag is not None:  # the parser reports a tag only when one is written
                    shown = "!!" + tag[len(_STANDARD_TAG):] if tag.startswith(_STANDARD_TAG) else tag
                    problems.append(finding("yaml-tag", path, line, col, tag=shown))
        loader = _FastLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = at(mark) if mark else (1 + line_offset, 1)
        reason = (exc.problem or "").strip()
        tab = "\t" in text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else False
        return None, problems + [finding("yaml-syntax", path, line, col, "tab" if tab else "", reason=reason)]
    except yaml.YAMLError as exc:  # reader errors (control characters) carry no problem_mark
        return None, problems + [finding("yaml-syntax", path, 1 + line_offset, 1, "reader", reason=exc)]
    doc = YamlDoc(None)
    if node is not None:
        doc.value = _convert(node, (), doc, problems, path, at)
    return doc, problems


def _convert(node, where: Path_, doc: YamlDoc, problems: list[Problem], path: str, at) -> object:
    doc.value_pos.setdefault(where, at(node.start_mark))
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            key = str(key)
            child = where + (key,)
            if key in result:
                line, col = at(key_node.start_mark)
                first = doc.key_pos[child][0]
                problems.append(finding("duplicate-key", path, line, col, key=key, first=first))
                continue
            doc.key_pos[child] = at(key_node.start_mark)
            result[key] = _convert(value_node, child, doc, problems, path, at)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, where + (i,), doc, problems, path, at) for i, item in enumerate(node.value)]
    return _scalar(node)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_BUILDERS = {
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
}


def _scalar(node) -> object:
    """Plain scalars become int, float, bool or None as YAML says; everything else stays text."""
    build = _BUILDERS.get(node.tag) if not node.style else None  # plain style: None, or '' from libyaml
    if build is None:
        return node.value
    try:
        return build(node)
    except (yaml.YAMLError, ValueError):
        return node.value


def split_front_matter(text: str) -> tuple[str, int, str, int] | None:
    """Split ``---`` front-matter from the body.

    Returns ``(yaml_text, yaml_first_line, body, body_first_line)`` with 1-based
    line numbers, or None when the file does not start with a front-matter block.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n").rstrip() in ("---", "..."):
            return "".join(lines[1:i]), 2, "".join(lines[i + 1:]), i + 2
    return None
