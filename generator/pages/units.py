"""Unit pages (units/<id>.md, one per real office per jurisdiction that has
items, with its task list as CSV and XLSX) and the list of units
(units/index.md). Collectives (各镇办, 有关部门) get no page; their items show them."""

from __future__ import annotations

from generator.model.items import Item, Unit
from generator.model import Corpus
from generator.pages import deps
from generator.pages.render import page_meta, render, spec, unit_path
from generator.pages.views import XlsxDownload, by_deadline, csv_bytes, task_table


def grouped(items: list[Item]) -> list[tuple]:
    """[(document, [(domain, items)])] in first-mention order."""
    docs: dict = {}
    for it in items:
        docs.setdefault(it.document.id, (it.document, {}))[1].setdefault(it.domain, []).append(it)
    return [(doc, list(doms.items())) for doc, doms in docs.values()]


def ranked(units: list[Unit]) -> list[Unit]:
    """Real units with any item, most items led first."""
    busy = [u for u in units if u.has_page]
    return sorted(busy, key=lambda u: (-len(u.led), -len(u.joined)))


def _page(env, unit: Unit, today):
    """The unit's page and its task list as CSV and XLSX."""
    here = unit_path(unit)
    upcoming, past = by_deadline(unit.led + unit.joined, today)
    stem = here[:-3]
    yield here, render(env, "unit.md.j2", here, page_meta("单位", f"{unit.name}（{unit.jurisdiction.short_name}）", unit.jurisdiction),
                       unit=unit, upcoming=upcoming, past=past, led=grouped(unit.led),
                       joined=grouped(unit.joined), stem=stem)
    header, rows = task_table(unit)
    yield stem + ".csv", csv_bytes(header, rows)
    yield stem + ".xlsx", XlsxDownload([(unit.name, header, rows)])


def _index(env, corpus: Corpus):
    yield "units/index.md", render(env, "units.md.j2", "units/index.md", page_meta("索引"),
                                   by_jur=[(j, ranked(j.units)) for j in corpus.jurisdictions.values()])


def pages(corpus: Corpus, env):
    for unit in corpus.units.values():
        if unit.has_page:
            yield spec(unit_path(unit), {f"j:{unit.jurisdiction.id}"}, _page, env, unit, corpus.today)
    yield spec("units/index.md", {deps.EVERYTHING}, _index, env, corpus)
