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
from build_hooks.domain.lines import split_lines
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


MAX_DEPTH = 8
"""Deepest nesting of mappings and lists a file of ours may have: a letter's front-matter needs 3
(``indicators`` → item → key), ``round.yml`` 5 (its outline). Deeper is refused as soon as it is met:
a hostile file can nest thousands deep, and libyaml itself gives up at 1,000."""

MERGE_KEY = "<<"
"""YAML 1.1's merge key: it copies another mapping in, which only anchors and aliases make useful."""


def load_yaml(text: str, path: str, line_offset: int = 0, *,
              report_bidi: bool = True) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse ``text``; positions are shifted by ``line_offset`` lines.

    The document is built straight from the parser's events, so what YAML could expand is refused
    before anything is built: an alias stays an empty value (never a copy of its anchor), an anchor,
    a tag and a merge key are reported where written, and nesting deeper than ``MAX_DEPTH`` ends the
    reading at once. A two-kilobyte "billion laughs" therefore costs what its two kilobytes cost.
    ``report_bidi`` is False for a submission, whose bidi rule looks at the whole file at once.

    Returns ``(None, problems)`` when the text is not YAML at all, or is nested too deep.
    """
    problems: list[Problem] = []

    def at(mark) -> tuple[int, int]:
        return (mark.line + 1 + line_offset, mark.column + 1)

    if report_bidi:
        for line, col, ch in find_bidi(text):
            problems.append(finding("bidi-control", path, line + 1 + line_offset, col + 1, char=char_name(ch)))

    builder = _Builder(YamlDoc(None), problems, path, at)
    try:
        for event in yaml.parse(text, Loader=_FastLoader):
            if not builder.feed(event):
                return None, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "nesting depth" in f"{exc.problem}" and mark is not None:  # libyaml's own limit, met first in flow style
            return None, problems + [finding("yaml-depth", path, *at(mark), depth=MAX_DEPTH)]
        line, col = at(mark) if mark else (1 + line_offset, 1)
        reason = yaml_reason(f"{exc.context or ''} {exc.problem or ''}")
        lines = split_lines(text)
        near = lines[max(0, mark.line - 1):mark.line + 1] if mark and mark.line < len(lines) else []
        tab = "\t" in lines[mark.line] if mark and mark.line < len(lines) else False
        quotes = curly_quotes("".join(near))
        return None, problems + [finding("yaml-syntax", path, line, col, "tab" if tab else "curly" if quotes else "",
                                         reason=reason, quotes=quotes)]
    except yaml.YAMLError as exc:  # reader errors (control characters) carry no problem_mark
        return None, problems + [finding("yaml-syntax", path, 1 + line_offset, 1, "reader",
                                         reason=yaml_reason(str(exc)))]
    return builder.doc, problems


class _Frame:
    """A mapping or sequence being built: its value, its path, and (in a mapping) the key waiting for a value."""
    __slots__ = ("value", "where", "key", "key_pos", "skip")

    def __init__(self, value, where):
        self.value, self.where, self.key, self.key_pos, self.skip = value, where, None, None, False


class _Builder:
    """Plain values and positions from the parser's events, one event at a time, nothing expanded."""

    def __init__(self, doc: YamlDoc, problems: list[Problem], path: str, at):
        self.doc, self.problems, self.path, self.at = doc, problems, path, at
        self.stack: list[_Frame] = []
        self.documents = 0
        self.key_depth = 0  # > 0 while inside a mapping or sequence written as a key

    def feed(self, event) -> bool:
        """Take one event; False when the reading must stop (nesting too deep)."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise yaml.composer.ComposerError("expected a single document in the stream", None,
                                                  "but found another document", event.start_mark)
            return True
        if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent,
                                  yaml.MappingStartEvent, yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            return True
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            frame = self.stack.pop()
            self._place(frame.value, event.start_mark, done=frame)
            return True
        self._refuse(event)
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                line, col = self.at(event.start_mark)
                self.problems.append(finding("yaml-depth", self.path, line, col, depth=MAX_DEPTH))
                return False
            where = self._where_next()
            if where is not None:
                self.doc.value_pos.setdefault(where, self.at(event.start_mark))
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
            self.stack.append(_Frame(value, where))
            return True
        if isinstance(event, yaml.AliasEvent):
            value = "*" + event.anchor  # as written: never a copy of what the anchor holds
        else:
            value = _scalar(event.tag, event.value, event.style, event.implicit)
        self._place(value, event.start_mark)
        return True

    def _refuse(self, event) -> None:
        line, col = self.at(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            self.problems.append(finding("yaml-alias", self.path, line, col, anchor=event.anchor))
            return
        if event.anchor:
            self.problems.append(finding("yaml-anchor", self.path, line, col, anchor=event.anchor))
        tag = event.tag
        if tag is not None:  # the parser reports a tag only when one is written
            shown = "!!" + tag[len(_STANDARD_TAG):] if tag.startswith(_STANDARD_TAG) else tag
            self.problems.append(finding("yaml-tag", self.path, line, col, tag=shown))

    def _where_next(self):
        """The path of the value about to start, or None for a key or a value that is thrown away."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if frame.where is None or frame.skip:
            return None
        if isinstance(frame.value, list):
            return frame.where + (len(frame.value),)
        if frame.key is None:
            return None  # a mapping or sequence used as a key
        return frame.where + (frame.key,)

    def _place(self, value, mark, done: _Frame | None = None) -> None:
        """Put a finished value into its parent (or make it the document)."""
        if not self.stack:
            self.doc.value = value
            if done is None:
                self.doc.value_pos.setdefault((), self.at(mark))
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            if done is None and frame.where is not None and not frame.skip:
                self.doc.value_pos.setdefault(frame.where + (len(frame.value),), self.at(mark))
            frame.value.append(value)
            return
        if frame.key is None:  # this value is a key
            key = str(value)
            frame.key, frame.key_pos, frame.skip = key, mark, False
            if frame.where is None:
                return
            child = frame.where + (key,)
            if key in frame.value:
                line, col = self.at(mark)
                first = self.doc.key_pos[child][0]
                self.problems.append(finding("duplicate-key", self.path, line, col, key=key, first=first))
                frame.skip = True
                return
            if key == MERGE_KEY and isinstance(value, str):
                line, col = self.at(mark)
                self.problems.append(finding("yaml-merge", self.path, line, col))
                frame.skip = True  # what it would merge is not read
                return
            self.doc.key_pos[child] = self.at(mark)
            return
        if not frame.skip:
            if done is None and frame.where is not None:
                self.doc.value_pos.setdefault(frame.where + (frame.key,), self.at(mark))
            frame.value[frame.key] = value
        frame.key, frame.skip = None, False


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_BUILDERS = {
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
}


class _Resolver(yaml.resolver.Resolver):
    """YAML's implicit types (int, float, bool, null), without timestamps."""


_Resolver.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_RESOLVER = _Resolver()


def _scalar(tag: str | None, value: str, style: str | None, implicit: tuple[bool, bool]) -> object:
    """Plain scalars become int, float, bool or None as YAML says; everything else stays text.

    A written tag is refused elsewhere (``yaml-tag``); a standard one (``!!int``) still reads the value as
    it says, any other leaves the text as written.
    """
    if tag is None or tag == "!":
        if style:  # quoted: text (plain style is None, or '' from libyaml)
            return value
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, implicit)
    build = _BUILDERS.get(tag)
    if build is None:
        return value
    try:
        return build(yaml.ScalarNode(tag, value))
    except (yaml.YAMLError, ValueError):
        return value


def split_front_matter(text: str) -> tuple[str, int, str, int] | None:
    """Split ``---`` front-matter from the body.

    Returns ``(yaml_text, yaml_first_line, body, body_first_line)`` with 1-based
    line numbers, or None when the file does not start with a front-matter block.
    """
    lines = split_lines(text, keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n").rstrip() in ("---", "..."):
            return "".join(lines[1:i]), 2, "".join(lines[i + 1:]), i + 2
    return None
