"""Generators: one module per page kind, each yielding (docs path, Markdown)."""

from __future__ import annotations

from pathlib import Path

from generator.model import Corpus
from generator.pages import document, home, indicators, items, jurisdiction, plans, units
from generator.pages.render import TEMPLATES, environment
from generator.pages.views import XlsxDownload, item_label, role, target_text, units_of

KINDS = (home, jurisdiction, document, plans, items, units, indicators)


def generate(corpus: Corpus, templates: Path = TEMPLATES) -> dict[str, str | bytes | XlsxDownload]:
    """Every page of the site as Markdown, keyed by its path under docs/; the
    downloads beside them: CSV as bytes, XLSX as its data (rendered by the writer)."""
    env = environment(templates)
    env.globals.update(cite_index=corpus.cite_index, target_text=target_text, label_of=item_label,
                       role=role, units_of=units_of, has_matrix=plans.has_matrix, has_plan=plans.has_plan)
    return {path: text for kind in KINDS for path, text in kind.pages(corpus, env)}
