"""The home page (index.md): what the site holds, by jurisdiction, and the latest documents."""

from __future__ import annotations

from generator.model import Corpus
from generator.pages import deps
from generator.pages.render import page_meta, render, spec

LATEST = 10


def _page(env, corpus: Corpus):
    yield "index.md", render(env, "home.md.j2", "index.md", page_meta("首页"), corpus=corpus, latest=corpus.latest(LATEST))


def pages(corpus: Corpus, env):
    yield spec("index.md", {deps.EVERYTHING}, _page, env, corpus)
