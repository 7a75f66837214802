"""Chinese full-text search (generator/search.py + site_config/search/worker.js)
end to end: the real site (`policykb build` of content/), our index, Debian's
Chromium typing into Material's header box behind nginx and from file://."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

import pytest

from conftest import CONTENT
from generator.model import load_corpus
from generator.search import alias_table, fold, read_page, read_pages, token_offsets, unit_aliases

ALIASES = {"区卫生健康局": ["区卫健局"]}
KINDS = {"文件", "目标", "任务", "规划", "矩阵", "单位", "行政区", "指标", "索引", "首页"}


def test_tokens_are_bigrams_with_offsets_and_whole_ascii_words():
    assert token_offsets("托育服务，2025年ＧＤＰ，服务托育") == {
        "托育": [0, 16], "育服": [1], "服务": [2, 14], "务": [3], "2025": [5], "年": [9], "gdp": [10],
        "务托": [15], "育": [17]}


def test_fold_keeps_every_offset():
    text = "①２０２５年（一）ＡＢ㎡"
    assert len(fold(text)) == len(text)
    assert fold("２０２５ＡＢ") == "2025ab"


def test_lists_of_other_items_stay_out_of_an_item_pages_text(site):
    """An item page lists the other items of its domain and its twins in other
    jurisdictions, a third of the site's text: a query quoting one item must
    find that item, not every page that lists it."""
    pages = [p.read_text(encoding="utf-8") for p in sorted((site / "items").glob("*/index.html"))]
    marked = [page for page in pages if '<div class="pk-related">' in page]
    assert len(marked) > len(pages) / 2
    checked = 0
    for page in marked[:40]:
        blocks = re.findall(r'<div class="pk-related">(.*?)</div>', page, re.S)
        listed = [html.unescape(re.sub(r"<[^>]+>", "", link)).strip()
                  for block in blocks for link in re.findall(r'<a href="(?![^"]*units/)[^"]*">(.*?)</a>', block, re.S)]
        body = read_page("x", page).body
        cut = [label for label in listed if label.endswith("…")]   # excerpts: in no page's own text
        assert "同一领域的" in body
        assert not [label for label in cut if label in body]
        checked += len(cut)
    assert checked > 40


def test_a_unit_is_found_by_any_of_its_names():
    table = alias_table(ALIASES)
    assert table["卫健局"] == ["区卫健局", "区卫生健康局"]
    assert table["区卫生健康局"] == ["区卫健局"]


@pytest.fixture(scope="module")
def names() -> dict[str, list[str]]:
    """Folded name -> the other names of the same unit, from the real registries."""
    return alias_table(unit_aliases(load_corpus(CONTENT).units.values()))


def site_pages(site: Path, offline: bool = False) -> list[str]:
    """Every page of a built site, found on disk (not in our index), as
    MkDocs links it: x/ with directory URLs, x.html in the file:// bundle."""
    pages = [str(p.relative_to(site)) for p in sorted(site.rglob("*.html"))
             if p.name != "404.html" and p.relative_to(site).parts[0] not in ("search", "assets")]
    return pages if offline else [p.removesuffix("index.html") for p in pages]


def pages_containing(site: Path, *groups: list[str], offline: bool = False) -> set[str]:
    """Locations of pages whose title or text has, for every group, one of its strings."""
    return {page.location for page in read_pages(site, site_pages(site, offline))[0]
            if all(any(fold(s) in fold(page.title + "\n" + page.body) for s in group) for group in groups)}


def search(page, query: str) -> list[str]:
    """Type into Material's box; wait for its result count; return the result links."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    before = meta.inner_text()
    box.fill(query)
    box.press("End")            # Material searches on keyup
    page.wait_for_function("([el, text]) => el.textContent !== text",
                           arg=[meta.element_handle(), before], timeout=15_000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


def shown_count(n: int) -> str:
    """How Material's result meta writes a count (its utilities/round)."""
    if n <= 999:
        return str(n)
    return f"{(n + 0.000001) / 1000:.{int((n - 950) % 1000 > 99)}f}k"


def location(href: str, base: str) -> str:
    return re.sub(r"^(\.\./)+", "", href.split("?")[0]).removeprefix(base)


CASES = [
    ("托育服务机构", [["托育服务机构"]]),             # a phrase across word boundaries
    ("卫健局", [["卫健局"]]),                          # an alias finds the full name (区卫生健康局)
    ("妇女 儿童", [["妇女"], ["儿童"]]),               # two terms narrow
    ("婴", [["婴"]]),                                  # one character
    ("区", [["区"]]),                                  # one character on almost every page: every sub-shard
]


def test_header_box_finds_every_page_and_only_those(site, nginx_site, browse, names):
    served = nginx_site(site)
    mon = browse("loopback")
    mon.page.goto(served.url + "documents/zichuan-2022-01-1/")
    mon.settle()
    assert not [u for u in mon.requests if "/search/" in u], "search loaded before the box had focus"
    mon.page.locator("input.md-search__input").click()
    assert "区卫生健康局" in names["卫健局"]
    for query, groups in CASES:
        # Material renders 10 links at first and more on scroll: compare the count
        links = search(mon.page, query)
        expected = pages_containing(site, *[group + [n for term in group for n in names.get(term, [])]
                                            for group in groups])
        assert expected, query
        count = mon.page.locator(".md-search-result__meta").inner_text()
        assert re.search(rf"(^|\s){re.escape(shown_count(len(expected)))}\s", count), (query, count, len(expected))
        assert {location(h, served.url) for h in links} <= expected, query
        first = mon.page.locator(".md-search-result__item").first
        assert first.locator("mark").count(), f"{query}: no highlighted match"
        assert set(first.locator(".md-tag").all_inner_texts()) & KINDS, query
    mon.assert_clean()


def test_a_title_match_ranks_first(site, nginx_site, browse):
    served = nginx_site(site)
    mon = browse("loopback")
    mon.page.goto(served.url)
    mon.settle()
    mon.page.locator("input.md-search__input").click()
    links = search(mon.page, "儿童发展规划")
    titles = mon.page.locator(".md-search-result__item h1").all_inner_texts()
    assert "儿童发展规划" in titles[0], titles[:3]
    assert links


def test_search_works_from_the_file_bundle(offline_site, browse, names):
    mon = browse("file")
    mon.page.goto((offline_site / "documents" / "zichuan-2022-01-1.html").as_uri())
    mon.settle()
    mon.page.locator("input.md-search__input").click()
    links = search(mon.page, "卫健局")
    expected = pages_containing(offline_site, ["卫健局", *names["卫健局"]], offline=True)
    count = mon.page.locator(".md-search-result__meta").inner_text()
    assert re.search(rf"\b{len(expected)}\b", count), (count, sorted(expected)[:20])
    assert {h.split("?")[0].rsplit("/", 1)[-1] for h in links} <= {p.rsplit("/", 1)[-1] for p in expected}
    mon.assert_clean()


def test_an_incremental_build_searches_the_edited_page_and_keeps_the_base(tmp_path, nginx_site, browse):
    """An edit re-indexes the pages it changed (a delta segment; their old refs
    deleted, and the tier that held their old text written again without it): the
    new title is found, the old one only where it still is."""
    import shutil

    from generator import search as index
    from generator.site import build
    content = Path(shutil.copytree(Path(__file__).parent / "fixtures" / "content", tmp_path / "content"))
    out = tmp_path / "site"
    build(content, out, work=out.parent / "build")
    yml = content / "documents" / "zichuan" / "zichuan-2022-01-2.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("title: 淄川区“十四五”儿童发展规划",
                                                           "title: 淄川区托管试点规划"), encoding="utf-8")
    build(content, out, work=out.parent / "build")
    meta = index._script_data(out / index.OUT / "meta.js")
    assert [s["name"] for s in meta["segments"]] == ["0", "u"] and meta["deleted"]
    old_text = "淄川区“十四五”儿童发展规划"                # still on other pages, but not as this page's title
    tables = "".join(p.read_text(encoding="utf-8") for p in (out / index.OUT / "d").glob("*.js"))
    assert tables.count(old_text) < 2
    served = nginx_site(out)
    mon = browse("loopback")
    mon.page.goto(served.url)
    mon.settle()
    mon.page.locator("input.md-search__input").click()
    for query in ("托管试点", "儿童发展规划"):
        links = {location(h, served.url) for h in search(mon.page, query)}
        assert links == pages_containing(out, [query]), query
    assert "documents/zichuan-2022-01-2/" in {location(h, served.url) for h in search(mon.page, "托管试点")}
    mon.assert_clean()


# The worker's RESULT messages, as the page receives them.
RESULTS = """(() => {
  const Native = window.Worker
  window.__results = []
  window.Worker = function (url, options) {
    const worker = new Native(url, options)
    worker.addEventListener("message", event => {
      const m = event.data
      if (m && m.type === 3)
        __results.push({ partial: !!m.data.partial, locations: m.data.items.map(group => group[0].location) })
    })
    return worker
  }
})()"""


def test_a_tiered_index_answers_from_its_first_tier_then_in_full(tmp_path, nginx_site, browse):
    """Tiers of 4 pages: a query first answers from the first tier (marked
    partial, only its pages), then, once typing pauses, with every page."""
    from generator import search as index
    from generator.site import build

    def small_tiers(built):
        index.build_search(built.site_dir, built.pages, None, built.changed, tier_docs=4)

    out = tmp_path / "site"
    build(Path(__file__).parent / "fixtures" / "content", out, steps=[small_tiers], work=out.parent / "build")
    meta = index._script_data(out / index.OUT / "meta.js")
    pages = [row[0] for n in range(math.ceil(meta["docs"] / meta["chunk"]))
             for row in index._script_data(out / index.OUT / "d" / f"{n}.js")]
    assert meta["phases"][0] == ["0"] and len(meta["phases"][1]) >= 2, meta["phases"]
    assert pages == index.ranked(pages) and pages[0] == ""          # refs in rank order, the home page first
    served = nginx_site(out)
    mon = browse("loopback")
    mon.page.add_init_script(RESULTS)
    mon.page.goto(served.url)
    mon.settle()
    mon.page.locator("input.md-search__input").click()
    search(mon.page, "区")
    mon.page.wait_for_function("() => __results.some(r => !r.partial)", timeout=15_000)
    results = mon.page.evaluate("__results")
    expected = pages_containing(out, ["区"])
    first, last = results[0], results[-1]
    assert first["partial"] and first["locations"], results
    assert {location(h, "") for h in first["locations"]} <= set(pages[:4]) & expected
    assert {location(h, "") for h in last["locations"]} == expected
    count = mon.page.locator(".md-search-result__meta")
    count.filter(has_text=re.compile(rf"(^|\s){shown_count(len(expected))}\s")).wait_for(timeout=5_000)
    mon.assert_clean()
