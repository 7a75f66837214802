"""YAML in and out, keeping the line of every value so errors can point at it."""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from generator.errors import PolicyError

_SCALARS = yaml.constructor.SafeConstructor()
# libyaml's parser when present: ten times faster, same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Path of keys/indexes inside a document -> 1-based line of that value.
Lines = dict[tuple, int]


def read_text(path: Path) -> str:
    """Read a UTF-8 file; refuse empty and non-UTF-8 input with the offending line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    if not data.strip():
        raise PolicyError("file is empty", file=str(path), line=1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PolicyError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f GBK -t UTF-8`",
            file=str(path), line=line) from None


@dataclass(frozen=True)
class Cache:
    """Parsed files by the hash of their text (and of the code that parses
    and checks them): a rebuild parses and checks only the YAML that changed.
    A full build (`reuse` off) parses everything and refreshes the cache."""
    folder: Path
    code: str                  # the code's key (generator.build.state.code_key): the checks are in the code
    reuse: bool = True

    def _path(self, text: str) -> Path:
        key = hashlib.blake2b(text.encode("utf-8"), key=bytes.fromhex(self.code)[:64], digest_size=16).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, text: str):
        if self.reuse:
            try:
                return pickle.loads(self._path(text).read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError):
                pass
        return None

    def put(self, text: str, parsed) -> None:
        path = self._path(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}")
        temp.write_bytes(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temp, path)


def cached(path: Path, cache: Cache | None) -> tuple[Any, Lines] | None:
    """What the cache holds for a file; None when nothing (or the file cannot
    be read: load says why)."""
    if cache is None or not cache.reuse:    # a full build: nothing to read here
        return None
    try:
        return cache.get(read_text(path))
    except PolicyError:
        return None


def load(path: Path, cache: Cache | None = None,
         check: Callable[[Any, Lines], bool] | None = None) -> tuple[Any, Lines]:
    """Parse a YAML file into plain Python data plus a map of value lines.
    `check` (data, lines) -> valid runs on what is parsed anew; only what
    passes is cached, so a file from the cache needs no check."""
    text = read_text(path)
    parsed = cache.get(text) if cache else None
    if parsed is None:
        parsed = _parse(path, text)
        if (check is None or check(*parsed)) and cache:
            cache.put(text, parsed)
    return parsed


def _parse(path: Path, text: str) -> tuple[Any, Lines]:
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise PolicyError(f"malformed YAML: {problem}", file=str(path), line=line) from None
    lines: Lines = {}
    try:
        return _construct(node, (), lines), lines
    except _Bad as exc:
        raise PolicyError(str(exc), file=str(path), line=exc.line) from None


# Tags a content file may use (plain YAML); !!binary, !!python/… and the like are refused.
_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


class _Bad(Exception):
    def __init__(self, message: str, node: yaml.Node):
        super().__init__(message)
        self.line = node.start_mark.line + 1


def _construct(node: yaml.Node, path: tuple, lines: Lines) -> Any:
    lines[path] = node.start_mark.line + 1
    if node.tag not in _TAGS:
        raise _Bad(f"unsupported YAML tag {node.tag} (content files hold plain values)", node)
    if isinstance(node, yaml.MappingNode):
        out, seen = {}, {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Bad("a mapping key must be a plain value, not a list or mapping", key_node)
            key = _scalar(key_node)
            if key in seen:
                raise _Bad(f"duplicate key '{key}' (also on line {seen[key]})", key_node)
            seen[key] = key_node.start_mark.line + 1
            out[key] = _construct(value_node, path + (key,), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, path + (i,), lines) for i, child in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value        # dates stay strings: the schema checks them with a field-aware error
    try:
        return _SCALARS.construct_object(node)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise _Bad(f"unreadable value {node.value!r}: {exc}", node) from None


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump(data: Any) -> str:
    """Readable YAML: Chinese as is, keys in the order given, long lines kept whole."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=10_000, default_flow_style=False)


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
