"""The real corpus (content/) builds strictly, and every document's page shows
its metadata and every one of its blocks, text intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build
from generator.model import load_corpus
from generator.pages.document import ARTICLE, block_anchors, is_heading
from htmltree import parse

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

pytestmark = pytest.mark.skipif(not any(CONTENT.glob("documents/*/*.yml")), reason="no imported content yet")


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    out = tmp_path_factory.mktemp("real") / "site"
    # Post-build steps (the search index) have their own tests.
    return build.build(CONTENT, out, work=out.parent / "build", steps=()), out


def flat(text: str) -> str:
    return "".join(text.split())


def test_every_document_page_shows_metadata_and_all_blocks(real):
    corpus, out = real
    for doc in corpus.documents.values():
        art = parse(out / "documents" / doc.id / "index.html").find("article")
        assert art.find("h1").text() == doc.title
        box = {tr.find("td").text(): list(tr.iter("td"))[1].text()
               for tr in art.find("div", "pk-meta").find("tbody").iter("tr")}
        assert box["文号"] == (doc.doc_number or "—")
        assert box["状态"].startswith(doc.status)
        if doc.parent:
            assert box["印发通知"] == doc.parent.title
        shown = {e.attrs["id"]: e for e in art.iter(cls="pk-block")}
        text_blocks = [b for b in doc.blocks if b.kind != "header"]
        assert len(shown) == len(text_blocks), doc.id
        anchors = block_anchors(doc)        # L54, then L54-2 … for blocks sharing a source line
        for i, b in enumerate(doc.blocks):
            if b.kind in ("header", "table"):
                continue
            el = shown[anchors[i]]
            expected = flat((b.number or "") + (b.title or "") + ("" if el.tag.startswith("h") else b.text or ""))
            assert flat(el.text()) == expected, (doc.id, b.lines)
        headings = [b for b in text_blocks if is_heading(b)]
        outline = [h for h in art.iter() if h.tag in {"h2", "h3", "h4"} and h.attrs.get("id") != "cites"]
        assert len(outline) == len(headings)


def test_every_notice_links_the_policies_it_issues(real):
    corpus, out = real
    notices = [d for d in corpus.documents.values() if d.children]
    assert notices
    for doc in notices:
        art = parse(out / "documents" / doc.id / "index.html").find("article")
        rows = art.find("div", "pk-meta").find("tbody").iter("tr")
        row = next(tr for tr in rows if tr.find("td").text() == "印发的文件")
        hrefs = [a.attrs["href"] for a in row.iter("a")]
        assert hrefs == [f"../{c.id}/" for c in doc.children]


def test_home_counts_match_the_corpus(real):
    corpus, out = real
    home = parse(out / "index.html").find("article")
    counts = {tr.find("td").text(): int(list(tr.iter("td"))[1].text())
              for tr in home.find("table").find("tbody").iter("tr")}
    assert counts == {j.name: len(j.documents) for j in corpus.jurisdictions.values()}
    assert sum(counts.values()) == len(load_corpus(CONTENT).documents)


def test_articles_are_paragraphs_and_chapters_headings(real):
    _, out = real
    art = parse(out / "documents" / "zhangdian-2021-04-1" / "index.html").find("article")
    heads = [flat(h.text()) for h in art.iter() if h.tag in {"h2", "h3", "h4"}]
    assert heads[0] == "第1章总则" and "第七章附则" in heads
    assert not [h for h in heads if ARTICLE.match(h)], heads
    assert any(ARTICLE.match(flat(p.text())) for p in art.iter("p"))
