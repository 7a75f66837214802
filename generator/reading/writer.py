"""Stage 7: YAML files with edit protection.

The first line of every generated file carries a checksum of the text below
it. A file whose text no longer matches its checksum was edited by hand and is
kept (unless forced); a file whose text would not change is not rewritten.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.model import yamlio

NOTE = "edit freely; re-import will not overwrite an edited file without --force"
HEADER = "# policykb import: checksum {sum} ({note})\n"
_HEADER_RE = re.compile(r"^# policykb import: checksum ([0-9a-f]+)\b.*\n")


def render(data) -> str:
    return render_text(yamlio.dump(data))


def render_text(body: str, note: str = NOTE) -> str:
    return HEADER.format(sum=yamlio.checksum(body), note=note) + body


def edited(path: Path) -> bool:
    """True when `path` exists and its text differs from what was generated."""
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8", errors="replace")
    m = _HEADER_RE.match(text)
    return not m or yamlio.checksum(text[m.end():]) != m.group(1)


def write(path: Path, text: str, force: bool) -> str:
    """'written', 'unchanged' or 'kept' (edited by hand, not forced)."""
    if path.exists():
        old = path.read_text(encoding="utf-8", errors="replace")
        if old == text:
            return "unchanged"
        if edited(path) and not force:
            return "kept"
    replace_text(path, text)
    return "written"


class Journal:
    """An import writes all of its files or none: while a journal is open, every file
    written, replaced or removed here is first copied aside (or noted as new), and
    rollback() puts each back as it was."""

    active: "Journal | None" = None

    def __init__(self):
        self.saved: dict[Path, bytes | None] = {}

    def __enter__(self):
        Journal.active = self
        return self

    def __exit__(self, kind, exc, tb):
        Journal.active = None
        if kind is not None:
            self.rollback()
        return False

    def note(self, path: Path) -> None:
        if path not in self.saved:
            self.saved[path] = path.read_bytes() if path.exists() else None

    def rollback(self) -> None:
        for path, data in self.saved.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)


def _note(path: Path) -> None:
    if Journal.active is not None:
        Journal.active.note(path)


def replace_text(path: Path, text: str) -> None:
    """Write `text` to `path` (renamed into place), journalled."""
    _note(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def copy(source: Path, target: Path) -> None:
    _note(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def remove(path: Path, force: bool) -> str:
    """A document the source no longer yields: 'removed' or 'kept' if edited."""
    if edited(path) and not force:
        return "kept"
    _note(path)
    path.unlink(missing_ok=True)
    return "removed"
