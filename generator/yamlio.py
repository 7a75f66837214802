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
    data = path.read_bytes()
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
    reuse: bool = True

    def _path(self, text: str) -> Path:
        key = hashlib.blake2b(text.encode("utf-8"), key=_CODE, digest_size=16).hexdigest()
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


# The cache holds only files that passed their check, so the checks' code is in its key.
_CODE = hashlib.blake2b(b"".join(Path(__file__).with_name(name).read_bytes()
                                 for name in ("yamlio.py", "schema.py", "corpus_items.py")), digest_size=16).digest()


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
    return _construct(node, (), lines), lines


def _construct(node: yaml.Node, path: tuple, lines: Lines) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = _SCALARS.construct_object(key_node)
            out[key] = _construct(value_node, path + (key,), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, path + (i,), lines) for i, child in enumerate(node.value)]
    value = _SCALARS.construct_object(node)
    # Dates stay strings: the schema parses them with a field-aware error.
    return value.isoformat() if hasattr(value, "isoformat") else value


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
