"""The search results page (search/index.md): a query and filters in its URL
(search/?q=…&j=…), answered in the browser by the site's own search worker
(site_config/search/ui.js); no text of its own, so generator/build/search.py keeps
it out of the index."""

from __future__ import annotations

from generator.model import Corpus
from generator.pages.render import page_meta, render, spec

PATH = "search/index.md"


def _page(env):
    yield PATH, render(env, "search.md.j2", PATH, page_meta("搜索", "搜索"))


def pages(corpus: Corpus, env):
    yield spec(PATH, set(), _page, env)
