"""The built site of the fixture corpus (tests/fixtures/content): real mkdocs
build, facts read from the real HTML."""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from generator import build
from generator.pages.render import relative
from generator.model.export import export_data, json_schema
from generator.model import load_corpus
from htmltree import parse

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "content"
HOSTILE = "yantai-2021-01"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    build.build(FIXTURE, out, work=out.parent / "build")
    return out


def page(site_dir: Path, path: str):
    return parse(site_dir / path / "index.html")


def article(site_dir: Path, path: str):
    return page(site_dir, path).find("article")


def meta_box(site_dir: Path, doc_id: str) -> dict[str, object]:
    """Metadata box rows: label -> value cell."""
    box = article(site_dir, f"documents/{doc_id}").find("div", "pk-meta")
    return {row.find("td").text().strip(): list(row.iter("td"))[1] for row in box.find("tbody").iter("tr")}


def resolves(site_dir: Path, page_path: str, href: str) -> bool:
    target = (site_dir / page_path / href.split("#")[0]).resolve()
    return (target / "index.html").is_file() if target.is_dir() else target.is_file()


def test_every_document_and_jurisdiction_has_a_page(built):
    corpus = load_corpus(FIXTURE)
    for doc in corpus.documents.values():
        assert article(built, f"documents/{doc.id}").find("h1").text() == doc.title
    for jur in corpus.jurisdictions.values():
        assert article(built, f"jurisdictions/{jur.id}").find("h1").text() == jur.name


def test_metadata_box_in_the_manner_of_gov_cn(built):
    box = meta_box(built, "zichuan-2022-01")
    assert box["文号"].text() == "川政发〔2022〕7号"
    assert box["发文机关"].text() == "淄川区人民政府"
    assert box["成文日期"].text() == "2022-08-14"
    assert box["类型"].text() == "通知"
    assert box["状态"].text().startswith("现行有效（所印发的《")
    # No publication named in the fixture: the reader is told the site holds the text; lines on hover.
    assert box["来源"].text() == "本站收录的原文"
    assert box["来源"].find("span").attrs["title"] == "原文第 10–30 行"


def test_status_is_computed_from_validity(built):
    assert meta_box(built, "zichuan-2022-01-2")["状态"].text().startswith("试行")
    assert meta_box(built, "yantai-2021-01")["状态"].text().startswith("已失效")
    assert meta_box(built, "yantai-2021-02")["状态"].text().startswith("尚未生效")
    # The reason is shown: the dates of the text, or that it states none.
    assert meta_box(built, "yantai-2021-01")["状态"].text() == "已失效（有效期至 2023-03-31）"
    assert meta_box(built, "zichuan-2022-01-1")["状态"].text() == "现行有效（未载明有效期）"


def _edited_fixture(tmp_path: Path, doc: str, old: str, new: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = next(content.rglob(f"{doc}.yml"))
    assert old in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return content


def test_a_notice_has_the_status_of_what_it_issues(tmp_path):
    """One computation: a covering notice with no dates of its own is never 试行
    or 现行有效 beside a policy that has lapsed; it takes the most current
    status of its documents, and says which."""
    corpus = load_corpus(FIXTURE)
    notice = corpus.documents["zichuan-2022-01"]
    assert (notice.status, notice.status_reason) == ("现行有效", "所印发的《淄川区“十四五”妇女发展规划》未载明有效期")
    both = "valid_until: null, repeals: [], clause: null"
    content = _edited_fixture(tmp_path, "zichuan-2022-01-1", both, "valid_until: '2021-12-31', repeals: [], clause: null")
    corpus = load_corpus(content, today=__import__("datetime").date(2023, 1, 1))
    lapsed, trial = corpus.documents["zichuan-2022-01-1"], corpus.documents["zichuan-2022-01-2"]
    assert (lapsed.status, trial.status) == ("已失效", "试行")
    notice = corpus.documents["zichuan-2022-01"]
    assert notice.status == "试行" and notice.status_reason.startswith("所印发的《淄川区“十四五”儿童发展规划》试行")


def test_a_document_repealed_by_another_of_the_corpus_says_so(tmp_path):
    content = _edited_fixture(tmp_path, "yantai-2021-02", "repeals: []",
                              "repeals: [{title: 淄川区“十四五”妇女发展规划, doc_number: null}]")
    corpus = load_corpus(content)
    repealed = corpus.documents["zichuan-2022-01-1"]
    assert repealed.status == "已废止"
    assert repealed.status_reason == f"被《{corpus.documents['yantai-2021-02'].title}》废止"


def test_notice_and_issued_policies_link_each_other(built):
    links = [a.attrs["href"] for a in meta_box(built, "zichuan-2022-01")["印发的文件"].iter("a")]
    assert links == ["../zichuan-2022-01-1/", "../zichuan-2022-01-2/"]
    assert all(resolves(built, "documents/zichuan-2022-01", h) for h in links)
    back = meta_box(built, "zichuan-2022-01-1")["印发通知"].find("a").attrs["href"]
    assert back == "../zichuan-2022-01/"


def test_outline_levels_headings_and_numbered_paragraphs(built):
    art = article(built, "documents/zichuan-2022-01-1")
    assert [(h.tag, h.text()) for h in art.iter() if h.tag in {"h2", "h3", "h4", "h5"}] == [
        ("h2", "一、指导思想和基本原则"), ("h3", "（一）指导思想"),
        ("h2", "二、发展领域、主要目标和策略措施"), ("h3", "（一）妇女与健康"), ("h4", "1.主要目标")]
    deep = art.by_id("L49")
    assert deep.tag == "p" and "pk-level-4" in deep.classes()
    assert deep.text().startswith("（1）孕产妇死亡率控制在8.2/10万以下。")
    assert "pk-level-5" in art.by_id("L52").classes()


def test_outline_is_the_table_of_contents(built):
    toc = page(built, "documents/zichuan-2022-01-1").find("nav", "md-nav--secondary")
    assert [(a.attrs["href"], a.text().strip()) for a in toc.iter("a")] == [
        ("#L37", "一、指导思想和基本原则"), ("#L39", "（一）指导思想"),
        ("#L43", "二、发展领域、主要目标和策略措施"), ("#L45", "（一）妇女与健康"), ("#L47", "1.主要目标")]


def test_blocks_show_their_source_lines(built):
    art = article(built, "documents/zichuan-2022-01-1")
    blocks = list(art.iter(cls="pk-block"))
    assert len(blocks) == 10  # 11 blocks minus the title header
    assert all(b.attrs["id"].startswith("L") and b.attrs["data-lines"] for b in blocks)
    assert art.by_id("L33").attrs["data-lines"] == "33–35"
    assert art.by_id("L33").attrs["title"] == "来源第 33–35 行"


def test_tables_are_html_tables(built):
    table = article(built, "documents/zichuan-2022-01-1").by_id("L60")
    assert table.tag == "table"
    assert table.find("caption").text() == "主要指标分解表"
    assert [th.text() for th in table.iter("th")] == ["序号", "指标", "目标值"]
    assert [[td.text() for td in tr.iter("td")] for tr in table.find("tbody").iter("tr")] == [
        ["1", "孕产妇死亡率", "8.2/10万以下"], ["2", "筛查覆盖率", "≥80%"]]


def test_header_blocks_are_not_repeated_as_text(built):
    art = article(built, "documents/zichuan-2022-01")
    body = [p.text() for p in art.iter("p")]
    assert not any("川政发〔2022〕7号" in t for t in body)
    assert not any(t.startswith("淄川区人民政府关于印发") for t in body)
    assert "各镇人民政府、街道办事处，区政府各部门：" in body


def test_data_from_content_is_text_never_markup(built):
    title = "<script>alert(1)</script>关于{{ x }}的*a*办法 | # 标题 [链接](http://evil.example/)"
    doc = page(built, f"documents/{HOSTILE}")
    art = doc.find("article")
    assert doc.find("title").text() == f"{title} - 政策文件知识库"
    assert art.find("h1").text() == title
    assert meta_box(built, HOSTILE)["标题"].text() == title
    # No element was made from the data: no script with alert, no img, b, em, code, links out.
    assert not [s for s in doc.iter("script") if "alert" in s.text()]
    assert not [e for e in art.iter() if e.tag in {"img", "b", "em", "code", "blockquote", "ul", "ol", "i"}]
    assert not [a for a in doc.iter("a") if "evil" in a.attrs.get("href", "")]
    assert art.by_id("evil") is None and art.by_id("x") is None
    paragraph = art.by_id("L7").text()
    assert paragraph.startswith("# 不是标题 <b>不是粗体</b> *不是斜体* {% if 1 %}jinja{% endif %} | 竖线 | `代码`")
    assert art.by_id("L10").text() == "一、<img src=x onerror=alert(2)>总则 {#evil}"
    assert art.by_id("L12").text() == "1.- 不是列表项 > 不是引用"
    table = art.by_id("L14")
    assert table.find("caption").text() == "<i>表</i>"
    assert [td.text() for td in table.iter("td")] == ["</table><script>alert(3)</script>", "{{ y }}"]
    # The same holds on the listing pages.
    home = article(built, "")
    assert any(a.text() == title for a in home.iter("a"))


def test_home_page_counts_by_jurisdiction_and_links_the_data(built):
    home = article(built, "")
    rows = {tr.find("td").text(): [td.text() for td in tr.iter("td")]
            for tr in home.find("table").find("tbody").iter("tr")}
    assert rows["淄博市淄川区"][1:] == ["3", "规划 2、通知 1"]
    assert rows["烟台市"][1] == "2"
    data_link = next(a for a in home.iter("a") if a.text() == "data.json")
    assert resolves(built, "", data_link.attrs["href"])
    assert json.loads((built / "data.json").read_text(encoding="utf-8")) == json.loads(
        json.dumps(export_data(load_corpus(FIXTURE))))
    schema_link = next(a for a in home.iter("a") if a.text() == "data.schema.json")
    assert resolves(built, "", schema_link.attrs["href"])
    assert json.loads((built / "data.schema.json").read_text(encoding="utf-8")) == json_schema()


def test_jurisdiction_page_lists_by_date_and_by_type(built):
    art = article(built, "jurisdictions/zichuan")
    dated = [tr.find("a").text() for tr in art.find("table").find("tbody").iter("tr")]
    assert dated[0].startswith("淄川区人民政府关于印发")
    assert len(dated) == 3
    assert [h.text() for h in art.iter("h3")] == ["规划（2）", "通知（1）"]


def test_every_link_resolves(built):
    for html in built.rglob("*.html"):
        rel = html.parent.relative_to(built).as_posix() if html.name == "index.html" else None
        if rel is None:
            continue
        for a in parse(html).find("article").iter("a"):
            href = a.attrs.get("href", "")
            if href and not href.startswith("#") and "://" not in href:
                assert resolves(built, rel, href), (html, href)


def test_navigation_does_not_embed_the_corpus(built):
    nav = page(built, "documents/zichuan-2022-01").find("nav", "md-nav--primary")
    assert not [a for a in nav.iter("a") if "zichuan-2022" in a.attrs.get("href", "")]
    tabs = page(built, "").find("nav", "md-tabs")
    assert [a.text().strip() for a in tabs.iter("a")] == ["首页", "行政区", "文件", "目标与分工", "单位", "指标"]


def test_nothing_loads_from_outside(built):
    for html in built.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html


def test_plain_mkdocs_build_makes_the_same_site(built, tmp_path):
    """mkdocs.yml as committed, with no docs folder written: the policykb plugin
    makes the pages from content/ in memory, and our search index after them."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "site_config").symlink_to(ROOT / "site_config")
    (project / "content").symlink_to(FIXTURE)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project,
                         env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    plain = project / "site"
    pages = sorted(str(p.relative_to(built)) for p in built.rglob("*.html"))
    assert pages == sorted(str(p.relative_to(plain)) for p in plain.rglob("*.html"))
    assert [p for p in pages if (built / p).read_bytes() != (plain / p).read_bytes()] == []
    meta = (plain / "search" / "pkb" / "meta.js").read_text(encoding="utf-8")    # our index, not empty
    assert meta == (built / "search" / "pkb" / "meta.js").read_text(encoding="utf-8")


@given(st.lists(st.sampled_from(["documents", "items", "a", "index.md", "x.md"]), min_size=1, max_size=4),
       st.lists(st.sampled_from(["documents", "items", "a"]), max_size=3))
def test_links_between_docs_paths_are_what_relpath_makes(target, folder):
    target, folder = "/".join(target), "/".join(folder)
    assert relative(target, folder) == posixpath.relpath(target, folder or ".")


def test_an_item_links_to_its_block_when_two_blocks_open_on_one_line():
    """A line holding two numbered parts gives two blocks: the second's anchor is L<n>-2,
    and the item page links to it as the document page names it (not escaped)."""
    import re

    from generator.model import load_corpus
    corpus = load_corpus(ROOT / "content")       # the fixture corpus holds no items
    it = next(i for i in corpus.items.values() if i.has_page and i.block > 0
              and i.document.blocks[i.block - 1].kind not in ("header", "table")
              and i.document.blocks[i.block].kind != "table")
    doc = it.document
    doc.blocks[it.block].lines = doc.blocks[it.block - 1].lines
    files = build.docs_files(corpus).files
    anchor = re.search(r"\.md#(L\d+-2)\)", files[f"items/{it.id}.md"].decode()).group(1)
    assert f"#{anchor} " in files[f"documents/{doc.id}.md"].decode()
