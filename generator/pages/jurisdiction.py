"""Jurisdiction pages (jurisdictions/<id>.md) and their list (jurisdictions/index.md)."""

from __future__ import annotations

from itertools import groupby

from generator.model import Corpus, Jurisdiction
from generator.pages import deps
from generator.pages.plans import has_plan
from generator.pages.render import jur_path, page_meta, render, spec
from generator.pages.units import ranked


def by_type(jur: Jurisdiction) -> list[tuple[str, list]]:
    """(type, documents newest first), the most frequent type first."""
    order = {t: i for i, (t, _) in enumerate(jur.type_counts().most_common())}
    docs = sorted(jur.documents, key=lambda d: order[d.type])  # stable: keeps date order
    return [(t, list(g)) for t, g in groupby(docs, key=lambda d: d.type)]


def _index(env, corpus: Corpus):
    yield "jurisdictions/index.md", render(env, "jurisdictions.md.j2", "jurisdictions/index.md",
                                           page_meta("索引"), corpus=corpus)


def _page(env, jur: Jurisdiction):
    here = jur_path(jur)
    yield here, render(env, "jurisdiction.md.j2", here, page_meta("行政区", jur.name, jur),
                       jur=jur, by_type=by_type(jur), ranked=ranked(jur.units),
                       plans=[d for d in jur.documents if has_plan(d)])


def pages(corpus: Corpus, env):
    yield spec("jurisdictions/index.md", {deps.EVERYTHING}, _index, env, corpus)
    for jur in corpus.jurisdictions.values():
        yield spec(jur_path(jur), {f"j:{jur.id}"}, _page, env, jur)
