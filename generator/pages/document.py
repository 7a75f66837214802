"""Document pages (documents/<id>.md) and the list of all documents (documents/index.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Corpus, Document, sorted_by_date
from generator.model.schema import Block
from generator.pages import deps
from generator.pages.render import doc_path, page_meta, render, spec

# Section levels shown as headings (and so in the page's table of contents);
# deeper levels are numbered paragraphs, and so are articles (第七条 …): the
# body of a measure, not its outline.
HEADING_LEVELS = 3
ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条")


def is_heading(b: Block) -> bool:
    return b.kind == "section" and b.level <= HEADING_LEVELS and bool(b.title) \
        and not ARTICLE.match(b.number or "")


@dataclass
class BlockView:
    """A block as the template shows it."""
    block: Block
    anchor: str
    heading: bool

    def __getattr__(self, name):
        return getattr(self.block, name)

    @property
    def hashes(self) -> Markup:
        """The Markdown heading marker: the document title is h1, level 1 is h2."""
        return Markup("#" * (self.block.level + 1))

    @property
    def lines(self) -> str:
        first, last = self.block.lines
        return f"{first}–{last}" if last != first else str(first)


def block_views(doc: Document) -> list[BlockView]:
    """The text blocks (header blocks live in the metadata box), each with a
    unique anchor named after its first source line (#L21)."""
    views, used = [], set()
    for b in doc.blocks:
        if b.kind == "header":
            continue
        # made here from line numbers, so no markup to escape (escaping would spell - as &#45;)
        anchor = Markup(f"L{b.lines[0]}")
        n = 1
        while anchor in used:
            n += 1
            anchor = Markup(f"L{b.lines[0]}-{n}")
        used.add(anchor)
        views.append(BlockView(b, anchor, is_heading(b)))
    return views


def block_anchors(doc: Document) -> dict[int, str]:
    """Block index -> its anchor on the document page: where an item's original wording is."""
    index = {id(v.block): v.anchor for v in block_views(doc)}
    return {i: index.get(id(b), "") for i, b in enumerate(doc.blocks)}


def _page(env, doc: Document):
    here = doc_path(doc)
    yield here, render(env, "document.md.j2", here, page_meta("文件", doc.title, doc.jurisdiction),
                       doc=doc, blocks=block_views(doc))


def _index(env, corpus: Corpus):
    yield "documents/index.md", render(env, "documents.md.j2", "documents/index.md", page_meta("索引"),
                                       docs=sorted_by_date(corpus.documents.values()))


def reads(doc: Document, cite_index) -> set[str]:
    """World keys of a document page: its jurisdiction, who links to it, the
    documents it links to and what its citations resolve to."""
    linked = [doc.parent, *doc.children, *doc.cited_by, *(c.target for c in doc.citations)]
    texts = [x for b in doc.blocks for x in (b.text, b.caption, *(c for r in b.rows or [] for c in r)) if x]
    return ({f"j:{doc.jurisdiction.id}", f"x:{doc.id}"} | deps.citations(texts, cite_index)
            | deps.linked(linked))


def pages(corpus: Corpus, env):
    for doc in corpus.documents.values():
        yield spec(doc_path(doc), reads(doc, corpus.cite_index), _page, env, doc)
    yield spec("documents/index.md", {deps.EVERYTHING}, _index, env, corpus)
