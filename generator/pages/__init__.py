"""Generators: one module per page kind, each yielding (docs path, Markdown)."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from generator.model import Corpus
from generator.pages import document, home, indicators, items, jurisdiction, plans, units
from generator.pages.render import TEMPLATES, environment
from generator.pages.views import XlsxDownload, item_label, role, target_text, units_of

KINDS = (home, jurisdiction, document, plans, items, units, indicators)
# With two cores, item pages (the most numerous: 40% of the time) are made in
# a forked process while this one makes the others.
FORKED = (items,)

Pages = dict[str, str | bytes | XlsxDownload]


def generate(corpus: Corpus, templates: Path = TEMPLATES) -> Pages:
    """Every page of the site as Markdown, keyed by its path under docs/; the
    downloads beside them: CSV as bytes, XLSX as its data (rendered by the writer)."""
    env = environment(templates)
    env.globals.update(cite_index=corpus.cite_index, target_text=target_text, label_of=item_label,
                       role=role, units_of=units_of, has_matrix=plans.has_matrix, has_plan=plans.has_plan)
    if (os.cpu_count() or 1) < 2:
        made = _pages(KINDS, corpus, env)
    else:
        _inherited.update(corpus=corpus, env=env)    # before the fork: the child has them
        try:
            with multiprocessing.get_context("fork").Pool(1) as pool:
                forked = pool.apply_async(_forked)
                made = _pages([k for k in KINDS if k not in FORKED], corpus, env)
                made.update(forked.get())
        finally:
            _inherited.clear()
    return {path: text for kind in KINDS for path, text in made[kind.__name__].items()}


_inherited: dict = {}


def _forked() -> dict[str, Pages]:
    return _pages(FORKED, _inherited["corpus"], _inherited["env"])


def _pages(kinds, corpus: Corpus, env) -> dict[str, Pages]:
    """Kind (module name) -> its pages."""
    return {kind.__name__: dict(kind.pages(corpus, env)) for kind in kinds}
