"""Chinese full-text search (generator/build/search.py + site_config/search/worker.js)
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
from generator.build.search import (Names, alias_table, department_names, fold, read_page, read_pages, token_offsets,
                              unit_aliases)

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

    from generator.build import search as index
    from generator.build import build
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
    from generator.build import search as index
    from generator.build import build

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


# --- queries as Chinese readers type them; filters; the results page ------------------

# A level before a stem: 市场监管局 is a stem (市场, the market), 市卫健委 is not.
LEVEL = re.compile("省|市(?!场)|区|县")


def test_the_department_dictionary_has_150_sourced_pairs_valid_at_every_level():
    import yaml
    from generator.build.search import NAMES_FILE
    data = yaml.safe_load(NAMES_FILE.read_text(encoding="utf-8"))
    entries, sources = data["names"], data["sources"]
    assert len({(e["short"], e["full"]) for e in entries}) >= 150
    for e in entries:
        assert e["source"] in sources, e
        assert e["kind"] in ("简称", "曾用名"), e
        assert e["short"] != e["full"], e
        assert not LEVEL.match(e["short"]), f"{e}: a stem holds at every level"
    for key, source in sources.items():     # a web page, or the gazettes of this repository
        assert source.get("url") or source.get("seen") or (CONTENT.parent / source["path"]).is_dir(), key
    assert len({e["short"] for e in entries}) == len(entries), "a short name listed twice"


def test_a_short_name_finds_the_office_and_a_former_name_finds_it_but_not_the_reverse():
    table = alias_table({"区卫生健康局": []})
    assert set(table["卫健局"]) == {"区卫生健康局", "区卫健局"}            # 简称: both ways
    assert "区卫生健康局" in table["计生局"] and "区卫生健康局" in table["区计生局"]   # 曾用名: old -> new
    assert not [n for n in table["卫生健康局"] if "计生" in n]             # and never new -> old
    rules = department_names().rules()
    assert "卫生健康委员会" in rules["卫健委"] and "卫健委" in rules["卫生健康委员会"]
    assert "卫计委" not in rules["卫生健康委员会"]
    assert alias_table({"区卫生健康局": []}, Names([])) == {}              # without the dictionary: no names


def typed(page, text: str, how: str) -> None:
    """Put `text` in the header box as a reader may, with no key-up: an input
    method's commit (CDP Input.insertText: an input event, no key events) or a
    drop (the value set, then the input event the browser sends)."""
    box = page.locator("input.md-search__input")
    box.focus()
    if how == "ime":
        page.keyboard.insert_text(text)
    else:
        box.evaluate("""(el, text) => {
            el.value = text
            el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromDrop", data: text }))
        }""", text)


@pytest.mark.parametrize("how", ["ime", "drop"])
def test_a_query_that_arrives_without_a_key_up_searches(site, nginx_site, browse, how):
    served = nginx_site(site)
    mon = browse("loopback")
    mon.page.goto(served.url)
    mon.settle()
    mon.page.locator("input.md-search__input").click()
    meta = mon.page.locator(".md-search-result__meta")
    typed(mon.page, "托育服务机构", how)
    expected = pages_containing(site, ["托育服务机构"])
    meta.filter(has_text=re.compile(rf"(^|\s){shown_count(len(expected))}\s")).wait_for(timeout=15_000)
    assert "键入以开始搜索" not in meta.inner_text()
    mon.assert_clean()


NO_SPACE = [
    # two words, split into strings the index holds: 可视 + 化旅游 is as long and
    # as cheap (some page holds both), but fewer pages hold its pieces
    ("可视化旅游", ["可视化", "旅游"]),
    ("淄川区孕产妇死亡率", ["淄川区", "孕产妇死亡率"]),        # a place and an indicator
    ("槐荫区区妇联", ["槐荫区", "区妇联"]),                     # a place and a unit (its names)
]


def test_a_query_without_spaces_finds_the_pages_holding_every_part(site, nginx_site, browse, names):
    served = nginx_site(site)
    mon = browse("loopback")
    mon.page.goto(served.url + "documents/")
    mon.settle()
    mon.page.locator("input.md-search__input").click()
    assert not pages_containing(site, ["淄川区孕产妇死亡率"]), "a literal match: the test would prove nothing"
    assert pages_containing(site, ["可视"], ["化旅游"]), "no other split as cheap: the test would prove nothing"
    for query, parts in NO_SPACE:
        expected = pages_containing(site, *[[p, *names.get(p, [])] for p in parts])
        assert len(expected) > 1, query
        links = search(mon.page, query)
        meta = mon.page.locator(".md-search-result__meta").inner_text()
        assert re.search(rf"(^|\s){shown_count(len(expected))}\s", meta), (query, meta, len(expected))
        assert "已拆分为 " + " + ".join(parts) in meta, meta
        assert {location(h, served.url) for h in links} <= expected
    # the unit's own page first: its title is one of the parts, its page of the place
    assert location(links[0], served.url).startswith("units/huaiyin-"), links[:3]
    mon.assert_clean()


def test_a_colloquial_department_name_finds_the_full_name(site, nginx_site, browse, names):
    """计生局, 人事局, 区国土局 and 扶贫办 are written by no gazette of the
    corpus: they find the offices that hold their duties now (区卫生健康局,
    区人力资源和社会保障局, 区自然资源局, 区乡村振兴局)."""
    served = nginx_site(site)
    mon = browse("loopback")
    mon.page.goto(served.url)
    mon.settle()
    mon.page.locator("input.md-search__input").click()
    rules = department_names().rules()
    for query, office in (("计生局", "卫生健康局"), ("人事局", "人力资源和社会保障局"), ("区国土局", "自然资源局"),
                          ("扶贫办", "乡村振兴局")):
        assert not pages_containing(site, [query]), f"{query} is in the corpus: the test would prove nothing"
        stem = max((t for t in rules if query.endswith(t)), key=len)
        head = query[:len(query) - len(stem)]
        group = [query, *names.get(query, [])] + [n for r in rules[stem] for n in [head + r, *names.get(head + r, [])]]
        expected = pages_containing(site, group)
        assert expected and pages_containing(site, [office]) & expected, query
        links = search(mon.page, query)
        count = mon.page.locator(".md-search-result__meta").inner_text()
        assert re.search(rf"(^|\s){shown_count(len(expected))}\s", count), (query, count, len(expected))
        assert {location(h, served.url) for h in links} <= expected, query
    mon.assert_clean()


def result_locations(page, base: str) -> list[str]:
    return [location(h, base) for h in page.locator(".pk-search-result__title").evaluate_all(
        "links => links.map(a => a.href)")]


def wait_results(page, text: str) -> None:
    page.locator(".pk-search-status").filter(has_text=text).wait_for(timeout=15_000)


def test_the_results_page_filters_and_its_url_is_shared(site, nginx_site, browse, names):
    """On a 390 px phone behind nginx under /zhengce/: the header box's link
    opens search/?q=…; a filter narrows the results and goes into the URL; the
    URL opened anew shows the same list; Material's own box stays shut."""
    served = nginx_site(site)
    mon = browse("loopback", viewport={"width": 390, "height": 844})
    mon.page.goto(served.url + "documents/")
    mon.settle()
    mon.page.locator("label[for=__search]").first.click()
    search(mon.page, "淄川区孕产妇死亡率")
    mon.page.locator(".pk-search-more").click()
    expected = pages_containing(site, ["淄川区"], ["孕产妇死亡率"])
    wait_results(mon.page, f"找到 {len(expected)} 个结果")
    assert "/zhengce/search/?q=" in mon.page.url
    assert set(result_locations(mon.page, served.url)) == expected
    assert "拆分为 淄川区 + 孕产妇死亡率" in mon.page.locator(".pk-search-status").inner_text()
    details = mon.page.locator(".pk-filter-details")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    mon.page.locator("select[name=k]").select_option("文件")
    documents = {loc for loc in expected if loc.startswith("documents/")}
    assert documents and documents != expected
    wait_results(mon.page, f"筛选后 {len(documents)} 个")
    assert set(result_locations(mon.page, served.url)) == documents
    shared = mon.page.url
    assert "k=%E6%96%87%E4%BB%B6" in shared and "q=" in shared
    other = browse("loopback", viewport={"width": 390, "height": 844})
    other.page.goto(shared)
    wait_results(other.page, f"筛选后 {len(documents)} 个")
    assert set(result_locations(other.page, served.url)) == documents
    assert not other.page.locator("#__search").is_checked(), "Material's header search opened with the query"
    assert other.page.url == shared
    width = other.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the results page is {width} px wide on a 390 px phone"
    mon.assert_clean()
    other.assert_clean()


def visible_documents(page) -> list[str]:
    return page.locator("#pk-doc-filters ~ * tbody tr:not([hidden]) td:nth-child(2) a, "
                        "#pk-doc-filters ~ table tbody tr:not([hidden]) td:nth-child(2) a").evaluate_all(
        "links => links.map(a => a.href)")


def check_documents_list(page, url: str) -> None:
    """documents/?j=淄川区 lists 淄川区's documents only; a type narrows them and
    goes into the URL; the order can run from the oldest."""
    corpus = load_corpus(CONTENT)
    zichuan = [d for d in corpus.documents.values() if d.jurisdiction.short_name == "淄川区"]
    notices = [d for d in zichuan if d.type == "通知"]
    assert 0 < len(notices) < len(zichuan) < len(corpus.documents)
    page.goto(url + "?j=" + "淄川区")
    status = page.locator(".pk-filter-status")
    status.filter(has_text=f"筛选出 {len(zichuan)} 件（共 {len(corpus.documents)} 件）").wait_for(timeout=15_000)
    shown = visible_documents(page)
    assert len(shown) == len(zichuan)
    assert {re.sub(r"(/|\.html)$", "", h).rsplit("/", 1)[-1] for h in shown} == {d.id for d in zichuan}
    details = page.locator(".pk-filter-details")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    page.locator("#pk-doc-filters select[name=t]").select_option("通知")
    status.filter(has_text=f"筛选出 {len(notices)} 件").wait_for(timeout=5_000)
    assert len(visible_documents(page)) == len(notices)
    assert "t=%E9%80%9A%E7%9F%A5" in page.url and "j=%E6%B7%84%E5%B7%9D%E5%8C%BA" in page.url
    page.locator("#pk-doc-filters select[name=o]").select_option("date-asc")
    dates = page.locator("#pk-doc-filters ~ * tbody tr:not([hidden]) td:first-child").all_inner_texts()
    assert dates == sorted(dates) and dates[0] == min(d.date.isoformat() for d in notices)
    reads_on_a_phone(page)


def reads_on_a_phone(page) -> None:
    """At 390 px the list is a card per document, not a six-column table: no
    header row, each shown title as wide as the list, the hidden rows hidden,
    and nothing wider than the screen."""
    assert page.viewport_size["width"] <= 390
    assert not page.locator(".pk-doc-list thead").is_visible()
    rows = page.locator(".pk-doc-list tbody tr")
    shown = rows.evaluate_all("rows => rows.filter(r => r.offsetHeight > 0).length")
    assert shown == len(visible_documents(page)) < rows.count()
    width = page.locator(".pk-doc-list").bounding_box()["width"]
    titles = page.locator(".pk-doc-list tbody tr:not([hidden]) td:nth-child(2)").evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().width)")
    assert titles and min(titles) >= 0.95 * width, (titles, width)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_the_documents_list_filters_under_a_sub_path_on_a_phone(site, nginx_site, browse):
    served = nginx_site(site)
    mon = browse("loopback", viewport={"width": 390, "height": 844})
    check_documents_list(mon.page, served.url + "documents/")
    mon.assert_clean()


def test_filters_and_the_results_page_work_from_the_file_bundle(offline_site, browse, names):
    mon = browse("file", viewport={"width": 390, "height": 844})
    check_documents_list(mon.page, (offline_site / "documents" / "index.html").as_uri())
    expected = pages_containing(offline_site, ["槐荫区"], ["区妇联", *names["区妇联"]], offline=True)
    mon.page.goto((offline_site / "search" / "index.html").as_uri() + "?q=" + "槐荫区区妇联")
    wait_results(mon.page, f"找到 {len(expected)} 个结果")
    links = mon.page.locator(".pk-search-result__title").evaluate_all("links => links.map(a => a.href)")
    assert {h.split("?")[0].removeprefix(offline_site.as_uri() + "/") for h in links[:30]} <= expected
    units = {loc for loc in expected if loc.startswith("units/") and loc != "units/index.html"}   # not the 索引
    assert 0 < len(units) < len(expected)
    mon.page.locator(".pk-filter-details summary").click()
    mon.page.locator("select[name=k]").select_option("单位")
    wait_results(mon.page, f"筛选后 {len(units)} 个")
    assert "k=%E5%8D%95%E4%BD%8D" in mon.page.url
    mon.page.locator(".pk-search-result__title").first.click()
    mon.page.wait_for_load_state()
    assert mon.page.url.startswith(offline_site.as_uri()) and "/units/huaiyin-" in mon.page.url
    mon.assert_clean()


SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots" / "issue19"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_filtered_list_and_a_split_query_look_right(site, nginx_site, browse, width):
    """The documents list filtered by a jurisdiction (a table on a desktop, cards
    on a phone), a query without spaces in the header box (the results line
    says how it was split, set off from the count) and on the results page,
    nothing wider than the screen; screenshots in build/screenshots/issue19/
    (CI artifacts: look at them)."""
    served = nginx_site(site)
    mon = browse("loopback", viewport={"width": width, "height": 900})
    page = mon.page
    SHOTS.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        # Material's search overlay is a disc scaled past the screen (the root clips it,
        # overflow-x: hidden): measure what our pages and results lay out, without it.
        assert page.evaluate("""() => {
          const o = document.querySelector('.md-search__overlay'), shown = o && o.style.display
          if (o) o.style.display = 'none'
          const w = document.documentElement.scrollWidth
          if (o) o.style.display = shown
          return w }""") <= width, name
        page.screenshot(path=SHOTS / f"{name}-{width}.png")

    page.goto(served.url + "documents/?j=淄川区")
    page.locator(".pk-filter-status").filter(has_text="筛选出").wait_for(timeout=15_000)
    assert page.locator(".pk-doc-list thead").is_visible() == (width > 390)
    shot("documents-zichuan")
    page.goto(served.url + "documents/zichuan-2022-01/")
    mon.settle()
    if width <= 390:
        page.locator("label[for=__search]").first.click()
    page.locator("input.md-search__input").click()
    page.keyboard.insert_text("淄川区孕产妇死亡率")
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="筛选全部结果").wait_for(timeout=15_000)
    assert re.search(r"\d 个.* · 已拆分为 淄川区 \+ 孕产妇死亡率 · 筛选全部结果$", meta.inner_text()), meta.inner_text()
    shot("header-box")
    page.locator(".pk-search-more").click()
    page.locator(".pk-search-status").filter(has_text="找到").wait_for(timeout=15_000)
    shot("results-page")
    mon.assert_clean()
