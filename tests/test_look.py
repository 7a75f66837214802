"""Every page kind as a reader sees it (issue 18): the real site behind nginx in
Debian's Chromium at 1280 px and on a 390 px phone. Each page is screenshot into
build/screenshots/ (kept as CI artifacts: look at them) and checked for what a
first look found: raw Markdown, a page wider than the screen outside a scroll
box, and text meant for developers (file paths, line markers, English chrome)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import serve_with_nginx
from generator.model import load_corpus

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "build" / "screenshots"
WIDTHS = (1280, 390)

# Text a reader must never meet: Markdown that did not render, our own paths and line
# markers, MkDocs' and Material's English.
RAW_MARKDOWN = re.compile(r"\|\s*-{3}|\]\(|\*\*|\{\{|\{%")
DEVELOPER_TEXT = re.compile(r"sources/|content/|\.txt\b|\.yml\b|\bL\d+[–-]\d+\b|Made with|Material for MkDocs|Not found")

# Elements wider than the screen that do not sit in a box scrolling on its own.
OVERFLOW_JS = """() => {
  const w = document.documentElement.clientWidth, out = [];
  const scrolls = el => { for (let e = el.parentElement; e; e = e.parentElement) {
      const s = getComputedStyle(e).overflowX; if (s === 'auto' || s === 'scroll' || s === 'hidden') return true; }
    return false; };
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > w + 1 && !scrolls(el)) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
  }
  return {page: document.documentElement.scrollWidth, width: w, elements: out.slice(0, 5)};
}"""


def page_kinds() -> dict[str, str]:
    """One page of each kind the site makes, picked from the real corpus."""
    corpus = load_corpus(ROOT / "content")
    plan = next(d for d in corpus.documents.values() if d.items and d.type == "规划")
    notice = next(d for d in corpus.documents.values() if d.children)
    unit = max((u for u in corpus.units.values() if u.real), key=lambda u: len(u.led) + len(u.joined))
    item = next(i for i in corpus.items.values() if i.lead and i.participants)
    jur = next(iter(corpus.jurisdictions))
    return {"home": "", "documents": "documents/", "document": f"documents/{notice.id}/",
            "plans": "plans/", "plan": f"plans/{plan.id}/", "matrix": f"matrices/{plan.id}/",
            "jurisdiction-matrix": f"matrices/{jur}/", "item": f"items/{item.id}/", "units": "units/",
            "unit": f"units/{unit.id}/", "jurisdictions": "jurisdictions/", "jurisdiction": f"jurisdictions/{jur}/",
            "indicators": "indicators/", "not-found": "no-such-page/"}


def around(text: str, m: re.Match) -> str:
    return f"{m.group()!r} in …{text[max(0, m.start() - 30):m.end() + 30]}…"


@pytest.fixture(scope="module")
def served(site):
    with serve_with_nginx(site) as server:
        yield server


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind, path", sorted(page_kinds().items()))
def test_every_page_kind_reads_well(served, browse, kind, path, width):
    mon = browse(viewport={"width": width, "height": 900})
    response = mon.page.goto(served.url + path)
    assert response.status == (404 if kind == "not-found" else 200)
    mon.settle()
    SHOTS.mkdir(parents=True, exist_ok=True)
    mon.page.screenshot(path=str(SHOTS / f"{kind}-{width}.png"), full_page=True)
    text = mon.page.inner_text("body")
    assert not RAW_MARKDOWN.search(text), around(text, RAW_MARKDOWN.search(text))
    assert not DEVELOPER_TEXT.search(text), around(text, DEVELOPER_TEXT.search(text))
    wide = mon.page.evaluate(OVERFLOW_JS)
    assert wide["page"] <= wide["width"] and not wide["elements"], wide
    own = served.url + path                   # a 404 page's own status is what it is for
    assert not {k: [e for e in v if own not in e] for k, v in mon.problems().items() if any(own not in e for e in v)}


def test_a_matrix_keeps_its_unit_column_when_scrolled_sideways_on_a_phone(served, browse):
    mon = browse(viewport={"width": 390, "height": 800})
    mon.page.goto(served.url + page_kinds()["matrix"])
    moved = mon.page.evaluate("""() => {
      const wrap = [...document.querySelectorAll('.pk-matrix .md-typeset__scrollwrap')]
        .find(w => w.scrollWidth > w.clientWidth);
      const cell = wrap.querySelector('tbody td');
      const before = cell.getBoundingClientRect().left;
      wrap.scrollLeft = wrap.scrollWidth;
      return [wrap.scrollLeft, before, cell.getBoundingClientRect().left, wrap.getBoundingClientRect().left];
    }""")
    scrolled, before, after, left = moved
    assert scrolled > 50                                  # the matrix is wider than the phone and did move
    assert abs(after - left) <= 2 and abs(after - before) <= 20, moved


def test_a_plan_reads_as_cards_on_a_phone_with_every_column_in_view(served, browse):
    """On a phone a plan's rows are cards: 牵头 and 参与 under the text, never off-screen;
    a measure cut short links to its full text."""
    mon = browse(viewport={"width": 390, "height": 800})
    mon.page.goto(served.url + page_kinds()["plan"])
    cells = mon.page.evaluate("""() => [...document.querySelectorAll('.pk-plan-list tbody tr')].slice(0, 30)
      .flatMap(tr => [...tr.children].filter(td => getComputedStyle(td).display !== 'none').map(td => {
        const r = td.getBoundingClientRect();
        return [td.cellIndex, Math.round(r.left), Math.round(r.right), getComputedStyle(td, '::before').content];
      }))""")
    width = mon.page.evaluate("document.documentElement.clientWidth")
    assert cells and all(0 <= left and right <= width for _, left, right, _ in cells), cells
    labels = {index: label for index, _, _, label in cells}
    assert labels[2] == '"牵头："' and labels[3] == '"参与："', labels
    assert mon.page.locator(".pk-plan-list thead").first.is_hidden()
    more = mon.page.locator(".pk-plan-list a", has_text="全文").first
    href = more.get_attribute("href")
    assert href.startswith("../../items/") or "#L" in href, href
    assert mon.page.request.get(served.url + "plans/x/" + href).ok


@pytest.mark.parametrize("kind", ["plan", "plan-document", "matrix", "unit"])
def test_a_phone_gets_the_page_contents_a_desktop_has_beside_the_text(served, browse, kind):
    kinds = page_kinds()
    path = kinds["plan"].replace("plans/", "documents/") if kind == "plan-document" else kinds[kind]  # has chapters
    for width, shown in ((390, True), (1280, False)):
        mon = browse(viewport={"width": width, "height": 800})
        mon.page.goto(served.url + path)
        toc = mon.page.locator(".pk-page-toc")
        assert toc.is_visible() == shown, (kind, width)
        if shown:
            toc.locator("summary").click()
            targets = toc.locator("a").evaluate_all("links => links.map(a => a.hash.slice(1))")
            assert len(targets) >= 2
            assert all(mon.page.evaluate("id => !!document.getElementById(decodeURIComponent(id))", t)
                       for t in targets), targets


def test_tables_in_a_document_have_ruled_cells(served, browse):
    corpus = load_corpus(ROOT / "content")
    doc = next(d for d in corpus.documents.values() if any(b.kind == "table" for b in d.blocks))
    mon = browse(viewport={"width": 390, "height": 800})
    mon.page.goto(served.url + f"documents/{doc.id}/")
    border = mon.page.locator("table.pk-table td").first.evaluate("td => getComputedStyle(td).borderTopWidth")
    assert border != "0px"


def test_a_page_opened_from_a_search_result_marks_the_terms(served, browse):
    """Search results link with ?h=<terms>; the page marks each term where its text
    holds it (every occurrence, terms of a split query each) and shows the first."""
    plan = page_kinds()["plan"]
    mon = browse(viewport={"width": 390, "height": 800})
    mon.page.goto(served.url + plan + "?h=孕产妇死亡率%20区卫生健康局")
    marks = mon.page.locator("article mark[data-md-highlight]")
    texts = set(marks.all_inner_texts())
    assert texts == {"孕产妇死亡率", "区卫生健康局"}, texts
    body = mon.page.inner_text("article")
    assert marks.count() == body.count("孕产妇死亡率") + body.count("区卫生健康局")
    assert marks.first.evaluate("m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }")
    mon.assert_clean()


def test_the_list_of_plans_gives_each_title_the_phone_s_width(served, browse):
    """A phone once wrapped each plan's title at four or five characters, its
    counts off-screen: now a card per plan, the title across the screen."""
    mon = browse(viewport={"width": 390, "height": 800})
    mon.page.goto(served.url + "plans/")
    widths = mon.page.locator(".pk-plans tbody td:first-child").evaluate_all(
        "cells => cells.map(td => td.getBoundingClientRect().width)")
    assert widths and min(widths) > 0.8 * 358, widths
    assert mon.page.locator(".pk-plans thead").first.is_hidden()
