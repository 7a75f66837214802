"""Where a gazette comes from: its jurisdiction, and the name its documents take.

A jurisdiction is given (`--jurisdiction ID`), or named by the file (its name
starts with a jurisdiction id), or read from the text: the issuer of its first
document (淄博市淄川区人民政府办公室 -> 淄博市淄川区, level 区, parent 淄博市).
A jurisdiction read from the text that content/jurisdictions.yml does not list is
added to it with `review: true`, and the import says so: an editor confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pypinyin import lazy_pinyin

from generator.errors import PolicyError
from generator.model.schema import ID_RE

# What follows the place in an issuer's name: the body and its office.
_BODY = re.compile(r"(?:人民政府|政府|行政公署|管理委员会|管委会|人民法院|人民检察院|党委|委员会|区委|县委|市委|旗委)"
                   r"(?:办公室|办公厅)?$|(?:办公室|办公厅)$")
_PLACE = re.compile(r"^(?:中共)?(?P<place>(?:[\u4e00-\u9fff]{2,10}?(?:省|自治区))?(?:[\u4e00-\u9fff]{1,10}?"
                    r"(?:市|州|盟|地区))?(?:[\u4e00-\u9fff]{1,10}?(?:区|县|旗|市|新区))?)")
LEVELS = ("自治区", "新区", "地区", "省", "市", "州", "盟", "区", "县", "旗")


@dataclass
class Place:
    name: str          # 淄博市淄川区
    short_name: str    # 淄川区
    level: str         # 区
    parent: str | None

    def record(self, jid: str) -> dict:
        return {"id": jid, "name": self.name, "short_name": self.short_name, "level": self.level,
                "parent": self.parent, "review": True}


def place_of(issuer: str | None) -> Place | None:
    """The jurisdiction an issuer's name states (淄博市淄川区人民政府办公室 -> 淄博市淄川区)."""
    if not issuer:
        return None
    name = re.split(r"[、,，\s]", issuer)[0]
    body = _BODY.search(name)
    if not body:
        return None
    m = _PLACE.match(name[:body.start()] + "|")
    place = m.group("place") if m else ""
    if len(place) < 2 or place[-1] not in "省区市县州盟旗" and not place.endswith("地区"):
        return None
    parts = re.findall(r"[\u4e00-\u9fff]+?(?:自治区|新区|地区|省|市|州|盟|区|县|旗)", place)
    if not parts or "".join(parts) != place:
        return None
    short = parts[-1]
    level = next(lv for lv in LEVELS if short.endswith(lv))
    return Place(place, short, level, parts[-2] if len(parts) > 1 else None)


def new_id(place: Place, taken: set[str]) -> str:
    """淄川区 -> zichuan (zichuan-qu, zichuan-2 … when taken)."""
    stem = place.short_name[:-len(place.level)] if len(place.short_name) > len(place.level) + 1 else place.short_name
    base = "".join(lazy_pinyin(stem)).lower()
    base = re.sub(r"[^a-z0-9]", "", base) or "place"
    for candidate in (base, base + "-" + "".join(lazy_pinyin(place.level)).lower()):
        if candidate not in taken:
            return candidate
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def known(registry: list[dict], place: Place) -> str | None:
    """The id of a listed jurisdiction with this name (full or short)."""
    for j in registry:
        if place.name in (j.get("name"), j.get("short_name")) or (
                j.get("short_name") == place.short_name and (not place.parent or place.parent == j.get("parent"))):
            return j.get("id")
    return None


def by_file_name(path: Path, registry: list[dict]) -> str | None:
    ids = sorted((j.get("id") for j in registry if j.get("id")), key=len, reverse=True)
    return next((jid for jid in ids if path.stem == jid or path.stem.startswith(jid + "-")), None)


def stem_for(path: Path, jid: str, year: str | None, taken: set[str]) -> str:
    """The source's name in content/sources: the file's own when it is an id of this
    jurisdiction, else <jurisdiction>-<year>[-n]."""
    if ID_RE.match(path.stem) and (path.stem == jid or path.stem.startswith(jid + "-")):
        return path.stem
    base = f"{jid}-{year}" if year else jid
    stem, n = base, 2
    while stem in taken:
        stem, n = f"{base}-{n}", n + 1
    return stem


def unknown_jurisdiction(path: Path, given: str | None, ids: list[str]) -> PolicyError:
    known_ids = ", ".join(sorted(ids)) or "none"
    if given:
        return PolicyError(f"jurisdiction {given} is not in content/jurisdictions.yml and the text names no issuing "
                           f"government to describe it: add it there first (known: {known_ids})",
                           file=str(path), line=None, field="jurisdiction")
    return PolicyError("cannot tell the jurisdiction: the file name starts with no jurisdiction id and the text "
                       f"names no issuing government; pass --jurisdiction ID (known: {known_ids})",
                       file=str(path), line=None, field="jurisdiction")
