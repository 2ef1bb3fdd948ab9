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

from build_hooks.domain.catalogue import finding
from build_hooks.domain.problems import Problem
from build_hooks.domain.wordchars import char_name, find_bidi

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


_REASONS = (
    ("mapping values are not allowed", "Dấu hai chấm ':' không được phép ở đây; giá trị có dấu hai chấm phải "
                                       "đặt trong ngoặc kép."),
    ("could not find expected ':'", "Thiếu dấu hai chấm ':' sau tên khóa, hoặc ngoặc kép chưa đóng."),
    ("found character that cannot start any token", "Giá trị bắt đầu bằng ký tự không được phép (tab, '@', '`' "
                                                    "hoặc '%')."),
    ("found a tab character", "Có ký tự tab."),
    ("did not find expected key", "Thụt lề không khớp: không tìm thấy khóa ở vị trí này."),
    ("did not find expected '-' indicator", "Thụt lề không khớp, hoặc thiếu dấu '-' của phần tử danh sách."),
    ("did not find expected node content", "Thiếu giá trị ở vị trí này."),
    ("block sequence entries are not allowed", "Không được bắt đầu danh sách '-' ở vị trí này."),
    ("found unexpected end of stream", "Ngoặc kép mở nhưng chưa đóng đến hết phần thông tin văn bản."),
    ("found unknown escape character", "Dấu '\\' trong ngoặc kép tạo mã thoát không hợp lệ; viết '\\\\' "
                                       "hoặc dùng ngoặc đơn."),
    ("expected <block end>", "Thụt lề không khớp với các dòng phía trên."),
    ("expected a single document", "Có hơn một khối YAML (dòng '---' thừa)."),
    ("found undefined alias", "Dùng bí danh YAML chưa định nghĩa."),
    ("control characters are not allowed", "Có ký tự điều khiển không được phép."),
    ("unacceptable character", "Có ký tự điều khiển không được phép."),
)
"""PyYAML's English reasons, said in Vietnamese (what a clerk can act on); anything else gets a plain
Vietnamese message without PyYAML's words."""
_CURLY = "“”‘’"


def yaml_reason(reason: str) -> str:
    """PyYAML's English reason, said in Vietnamese."""
    for english, vietnamese in _REASONS:
        if english in reason:
            return vietnamese
    return "Sai cú pháp YAML ở vị trí này."


def curly_quotes(line: str) -> str:
    """Word's curly quotes in ``line``, if any (YAML only knows straight ones), for the hint that names them."""
    return " ".join(sorted({c for c in line if c in _CURLY}, key=_CURLY.index))


def load_yaml(text: str, path: str, line_offset: int = 0, *,
              allow_tags: bool = False) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse ``text``; positions are shifted by ``line_offset`` lines.

    Returns ``(None, problems)`` when the text is not YAML at all.
    """
    problems: list[Problem] = []

    def at(mark) -> tuple[int, int]:
        return (mark.line + 1 + line_offset, mark.column + 1)

    for line, col, ch in find_bidi(text):
        problems.append(finding("bidi-control", path, line + 1 + line_offset, col + 1, char=char_name(ch)))

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
        reason = yaml_reason(f"{exc.context or ''} {exc.problem or ''}")
        lines = text.splitlines()
        near = lines[max(0, mark.line - 1):mark.line + 1] if mark and mark.line < len(lines) else []
        tab = "\t" in lines[mark.line] if mark and mark.line < len(lines) else False
        quotes = curly_quotes("".join(near))
        return None, problems + [finding("yaml-syntax", path, line, col, "tab" if tab else "curly" if quotes else "",
                                         reason=reason, quotes=quotes)]
    except yaml.YAMLError as exc:  # reader errors (control characters) carry no problem_mark
        return None, problems + [finding("yaml-syntax", path, 1 + line_offset, 1, "reader",
                                         reason=yaml_reason(str(exc)))]
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
