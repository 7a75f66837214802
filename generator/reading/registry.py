"""Stage 8: content/units/<jurisdiction>.yml, the offices the items name.

Built from every unit name the jurisdiction's items mention (aliases merged by
the genre rules of generator.model.units; collectives kept as kind: generic). The
registry is the editors': an edited file (its checksum line no longer matches)
is never rewritten, even with --force; names not seen before are appended to
it as new entries and everything the editor wrote stays byte for byte. An
unedited file is regenerated when every source of the jurisdiction was
imported in this run, and otherwise only gains the new names.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.model import yamlio
from generator.errors import PolicyError
from generator.reading import items, writer
from generator.model.units import UnitRegistry, dump_registry, load_registry, places_of, suspect_aliases


NOTE = "edit freely; once edited, re-import never rewrites it, it only appends names it has not seen"


def update(content_dir: Path, jurisdiction: str, sources: list[Path], documents: list[dict]) -> str:
    """Write or extend the registry of `jurisdiction`; returns 'written',
    'unchanged', 'extended' (edited file, new names appended) or 'kept'."""
    path = content_dir / "units" / f"{jurisdiction}.yml"
    names, generic = items.observed_units(documents)
    places = places_of(_record(content_dir, jurisdiction))
    if path.exists() and writer.edited(path):
        status = _append_new(path, jurisdiction, places, names, generic)
    else:
        if path.exists() and not _complete(content_dir, jurisdiction, sources):
            reg = load_registry(path, jurisdiction, places)
            for name in names:
                reg.add(name, count=0, kind="generic" if name in generic else None)
        else:
            reg = _build(jurisdiction, places, names, generic)
        status = writer.write(path, writer.render_text(_review_notes(reg) + dump_registry(reg), NOTE), force=True)
        _report(path, reg)
    return status


def _build(jurisdiction, places, names, generic) -> UnitRegistry:
    reg = UnitRegistry.build(jurisdiction, names, places)
    for name in generic:
        reg.resolve(name).kind = "generic"
    return reg


def _complete(content_dir: Path, jurisdiction: str, sources: list[Path]) -> bool:
    """Every gazette of the jurisdiction in content/sources was imported now."""
    done = {p.resolve() for p in sources}
    return all(p.resolve() in done for p in (content_dir / "sources").glob("*.txt")
               if p.stem == jurisdiction or p.stem.startswith(jurisdiction + "-"))


def _record(content_dir: Path, jurisdiction: str) -> dict:
    data, _ = yamlio.load(content_dir / "jurisdictions.yml")
    return next(j for j in data if isinstance(j, dict) and j.get("id") == jurisdiction)


def _append_new(path: Path, jurisdiction, places, names, generic) -> str:
    reg = load_registry(path, jurisdiction, places)
    new = [n for n in names if reg.resolve(n) is None]
    if not new:
        return "kept"
    added = _build(jurisdiction, places, new, generic & set(new))
    taken = {u.id for u in reg.units}
    for unit in added.units:
        base, k = unit.id, 2
        while unit.id in taken:
            unit.id, k = f"{base}-{k}", k + 1
        taken.add(unit.id)
    old = path.read_text(encoding="utf-8")
    text = (old if old.endswith("\n") else old + "\n") + \
        "# added by policykb import (names not in this registry yet):\n" + yamlio.dump(added.to_data())
    try:
        merged = yaml.safe_load(text)
    except yaml.YAMLError:
        merged = None
    if not isinstance(merged, list) or len(merged) != len(reg.units) + len(added.units):
        raise PolicyError(f"edited registry is not a plain YAML list; add these units by hand: "
                          f"{', '.join(u.name for u in added.units)}", str(path), None, None)
    writer.replace_text(path, text)
    load_registry(path, jurisdiction, places)      # still valid
    print(f"{path}: edited by hand, kept; {len(added.units)} new units appended")
    return "extended"


def _near_pairs(reg: UnitRegistry) -> list[tuple[str, str]]:
    return sorted({tuple(sorted((s.name, s.similar_to))) for s in suspect_aliases(reg) if s.similar_to})


def _review_notes(reg: UnitRegistry) -> str:
    """Spellings an editor should look at: perhaps one office (区公安局 /
    区公安分局), perhaps a typo. Nothing is merged without the editor."""
    pairs = _near_pairs(reg)
    if not pairs:
        return ""
    return "# Review: these names differ by a character or two (merge by moving one into the other's aliases):\n" + \
        "".join(f"#   {a} / {b}\n" for a, b in pairs)


def _report(path: Path, reg: UnitRegistry) -> None:
    generic = sum(1 for u in reg.units if u.kind == "generic")
    print(f"{path}: {len(reg.units) - generic} units, {generic} generic; "
          f"{len(_near_pairs(reg))} pairs of close spellings to review")
