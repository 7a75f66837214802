"""The knowledge site of the real corpus (issue 4): facts read from the built
HTML of plan, matrix, item, unit, jurisdiction and indicator pages, the
downloads, citations, and Debian's linkchecker over the site behind nginx."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest

from generator import build
from generator.pages.views import units_of, xlsx_bytes
from browser import require
from htmltree import parse

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
PLAN = "zichuan-2022-01-1"          # 淄川区“十四五”妇女发展规划

pytestmark = pytest.mark.skipif(not any(CONTENT.glob("units/*.yml")), reason="no unit registries yet")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("pages") / "site"
    corpus = build.build(CONTENT, out, work=out.parent / "build", steps=())
    return corpus, out


def article(out: Path, path: str):
    return parse(out / path / "index.html").find("article")


def unit_named(corpus, jur: str, name: str):
    return next(u for u in corpus.jurisdictions[jur].units if u.name == name)


def hrefs(el) -> list[str]:
    return [a.attrs.get("href", "") for a in el.iter("a")]


def test_huaiyin_women_federation_page_lists_the_goals_it_leads(built):
    corpus, out = built
    fed = unit_named(corpus, "huaiyin", "区妇联")
    led_goals = [it for it in fed.led if it.kind == "goal"]
    assert len(led_goals) >= 5
    art = article(out, f"units/{fed.id}")
    assert art.find("h1").text() == "区妇联（槐荫区）"     # four jurisdictions have a 区妇联
    text = art.text()                    # the heading, not its entry in the page contents
    section = text[text.rindex("牵头的事项"):].split("参与的事项", 1)[0]
    links = hrefs(art)
    for goal in led_goals:
        assert f"../../items/{goal.id}/" in links
        assert goal.domain in section
    # counts in the box agree with the model
    assert f"{len(fed.led)} 项" in art.find("div", "pk-meta").text()


def test_maternal_mortality_comparison_shows_each_jurisdictions_target(built):
    corpus, out = built
    art = article(out, "indicators")
    table = art.find("div", "pk-compare").find("table")
    header = [th.text().strip() for th in table.find("thead").iter("th")]
    row = next(tr for tr in table.find("tbody").iter("tr") if tr.find("td").text().strip() == "孕产妇死亡率")
    cells = dict(zip(header, (td.text().strip() for td in row.iter("td"))))
    targets = {}
    for ind in corpus.metrics["孕产妇死亡率"]:
        targets.setdefault(ind.item.document.jurisdiction.short_name, []).append(ind)
    assert len(targets) == len(corpus.jurisdictions)
    for jur, inds in targets.items():
        for ind in inds:
            assert f"{ind.value:g}{ind.unit}" in cells[jur], (jur, cells[jur])
    # the chart: one bar per level target, drawn inline (no request), on a scale from 0
    anchor = next(a.attrs["href"] for a in row.iter("a") if a.attrs["href"].startswith("#"))
    heading = art.by_id(anchor[1:])
    assert heading is not None and heading.text().strip().startswith("孕产妇死亡率")
    page = parse(out / "indicators" / "index.html")
    charts = [s for s in page.iter("div") if s.attrs.get("aria-label") == "孕产妇死亡率"]
    bars = [b for b in charts[0].iter("span") if "pk-bar" in b.classes()]
    assert len(charts) == 1 and len(bars) == sum(map(len, targets.values()))
    assert all("pk-bar-ceiling" in b.classes() for b in bars)          # ≤: lower is better, drawn so
    ticks = [t.text() for t in next(s for s in charts[0].iter("span") if "pk-bar-axis" in s.classes()).iter("span")]
    assert ticks[0] == "0" and len(ticks) >= 3
    # a change (年均降低1个百分点) is no level: listed in words, never drawn as a bar
    figures = dict(zip((h.text().strip() for h in art.iter("h3")), art.iter("figure")))   # one under each
    figure = figures["儿童总体近视率"]
    assert not [b for b in figure.iter("span") if "pk-bar" in b.classes()]
    assert "不画条的目标" in figure.text() and "1个百分点" in figure.text()


def test_plan_matrix_has_one_row_per_unit_named_in_the_plan(built):
    corpus, out = built
    doc = corpus.documents[PLAN]
    overview = article(out, f"matrices/{PLAN}").find("div", "pk-matrix").find("table")
    rows = [tr.find("td").text().strip() for tr in overview.find("tbody").iter("tr")]
    named = {u.name for it in doc.items for u in it.lead + it.participants}
    assert sorted(rows) == sorted(named) and len(rows) == len(set(rows))
    assert rows[0] == units_of(doc.items)[0].name      # the unit leading most comes first


def test_plan_page_shows_domains_goals_and_their_units(built):
    corpus, out = built
    art = article(out, f"plans/{PLAN}")
    domains = [h.text().strip() for h in art.iter("h2")]
    assert domains[:2] == ["妇女与健康", "妇女与教育"]
    goal = next(it for it in corpus.documents[PLAN].items if it.indicators and it.kind == "goal"
                and "孕产妇死亡率" in it.text)
    row = next(tr for tr in art.iter("tr") if f"../../items/{goal.id}/" in hrefs(tr))
    text = row.text()
    assert "区卫健局" in text and "≤8.2/10万" in text
    assert f"../../units/{goal.lead[0].id}/" in hrefs(row)


def test_goal_page_has_text_units_source_crumbs_and_other_jurisdictions(built):
    corpus, out = built
    goal = next(it for it in corpus.documents[PLAN].items if "孕产妇死亡率" in it.text and it.kind == "goal")
    art = article(out, f"items/{goal.id}")
    crumbs = hrefs(art.find("nav", "pk-crumbs"))
    assert crumbs == ["../../jurisdictions/zichuan/", f"../../plans/{PLAN}/"]
    source = art.find("p", "pk-source")
    assert "淄川区人民政府公报" in source.text() and "sources/" not in source.text()
    assert source.find("a").attrs["title"] == f"原文第 {goal.lines[0]}–{goal.lines[1]} 行"
    assert any(h.startswith(f"../../documents/{PLAN}/#L") for h in hrefs(art))
    others = art.text().split("其他行政区的同一目标", 1)[1]
    for name in ("东昌府区", "张店区", "烟台市", "槐荫区"):
        assert name in others


def test_jurisdiction_page_ranks_units_by_items_led(built):
    corpus, out = built
    art = article(out, "jurisdictions/huaiyin")
    table = next(t for t in art.iter("table") if "牵头" in t.find("thead").text())
    led = [int(list(tr.iter("td"))[1].text()) for tr in table.find("tbody").iter("tr")]
    assert led == sorted(led, reverse=True) and led[0] > 0
    assert "../../matrices/huaiyin/" in hrefs(art)


def test_downloads_open_in_excel(built):
    from openpyxl import load_workbook
    corpus, out = built
    fed = unit_named(corpus, "huaiyin", "区妇联")
    raw = (out / "units" / f"{fed.id}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "职责" and len(rows) == 1 + len(fed.led) + len(fed.joined)
    book = load_workbook(out / "matrices" / f"{PLAN}.xlsx")
    first = book.worksheets[0]
    assert first.cell(1, 1).value == "单位" and first.max_row - 1 == len(units_of(corpus.documents[PLAN].items))
    assert first.cell(1, 2).font.bold and not first.cell(2, 1).font.bold and first.freeze_panes == "B2"
    # columns as wide as their text (up to a limit, then wrapped), not Excel's 8.43
    tasks = load_workbook(out / "units" / f"{fed.id}.xlsx").worksheets[0]
    widths = {tasks.cell(1, c).value: tasks.column_dimensions[tasks.cell(1, c).column_letter].width
              for c in range(1, tasks.max_column + 1)}
    assert 60 <= widths["内容"] < 61 and tasks.cell(2, 6).alignment.wrap_text and 6 <= widths["职责"] < 12, widths
    # the matrix CSV holds every sheet of the workbook, one filled cell a row
    rows = list(csv.reader(io.StringIO((out / "matrices" / f"{PLAN}.csv").read_bytes().decode("utf-8-sig"))))
    assert rows[0] == ["表", "单位", "列", "内容"]
    assert len({r[0] for r in rows[1:]}) == len(book.worksheets) > 1
    # saved under the plan's and the unit's names, not their ids
    links = {a.attrs["href"].rsplit(".", 1)[-1]: a.attrs.get("download") for a in article(out, f"matrices/{PLAN}").iter("a")
             if a.attrs.get("href", "").endswith((".csv", ".xlsx"))}
    title = corpus.documents[PLAN].title
    assert links == {"csv": f"{title}：责任矩阵.csv", "xlsx": f"{title}：责任矩阵.xlsx"}
    assert any(a.attrs.get("download") == "区妇联（槐荫区）任务清单.xlsx" for a in article(out, f"units/{fed.id}").iter("a"))


def test_workbook_cells_hold_text_as_text(tmp_path):
    from openpyxl import load_workbook
    rows = [["=1+1", "https://example.org", "0012", 3, None]]
    path = tmp_path / "t.xlsx"
    path.write_bytes(xlsx_bytes([("区[妇联]", ["a", "b", "c", "d", "e"], rows)]))
    sheet = load_workbook(path).worksheets[0]
    assert sheet.title == "区_妇联_"
    assert [c.value for c in sheet[2]] == ["=1+1", "https://example.org", "0012", 3, None]
    assert sheet.cell(2, 1).data_type == "s" and sheet.cell(2, 2).hyperlink is None


def test_citations_link_corpus_documents_and_list_the_rest(built):
    corpus, out = built
    notice = article(out, "documents/zichuan-2022-01")
    assert f"../{PLAN}/" in [a.attrs["href"] for a in notice.iter("a") if "《" in a.text()]
    plan = article(out, f"documents/{PLAN}")
    box = plan.find("div", "pk-meta").text()
    assert "被引用" in box
    cites = plan.by_id("cites")
    assert cites is not None and "中华人民共和国妇女权益保障法" in plan.text().split("引用的文件", 1)[1]


def test_item_pages_stay_small(built):
    corpus, out = built
    sizes = sorted((out / "items" / it.id / "index.html").stat().st_size
                   for it in corpus.items.values() if it.has_page)
    assert len(sizes) > 1000
    assert sizes[len(sizes) // 2] < 40_000, sizes[len(sizes) // 2]


def test_linkchecker_finds_no_broken_link(site, nginx_site, tmp_path):
    require("/usr/bin/linkchecker", "linkchecker")
    out = site           # the site as published: with its search files and pages
    # linkchecker waits 0.1-0.6 s between requests to a host (20 min for this
    # site) unless the server answers with a LinkChecker header.
    served = nginx_site(out, http_extra="    add_header LinkChecker unthrottled;\n")
    rc = tmp_path / "linkcheckerrc"
    rc.write_text("[checking]\nmaxrequestspersecond=1000\n")
    run = subprocess.run(["linkchecker", "-f", str(rc), "--no-status", "--no-warnings", "-t", "8", "-o", "csv",
                          served.url], capture_output=True, text=True, timeout=1500)
    rows = [line for line in run.stdout.splitlines() if line and not line.startswith("#")]
    broken = rows[1:]  # the header, then one row per broken link
    assert run.returncode == 0 and not broken, (run.returncode, broken[:20], run.stderr[-2000:])
    # It crawled the whole site (not only the home page): every page was fetched.
    fetched = {line.split('"GET ', 1)[1].split(" ", 1)[0] for line in served.access_log().splitlines() if '"GET ' in line}
    pages = {f"/zhengce/{p.parent.relative_to(out).as_posix()}/".replace("/./", "/") for p in out.rglob("index.html")}
    pages.discard("/zhengce/search/")       # the results page: reached by the search form, not by a link
    assert len(pages) > 1000 and not pages - fetched, sorted(pages - fetched)[:10]
