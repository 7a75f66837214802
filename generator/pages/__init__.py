"""Generators: one module per page kind, each yielding (docs path, Markdown)."""

from __future__ import annotations

from pathlib import Path

from generator.model import Corpus
from generator.pages import document, home, jurisdiction
from generator.pages.render import TEMPLATES, environment

KINDS = (home, jurisdiction, document)


def generate(corpus: Corpus, templates: Path = TEMPLATES) -> dict[str, str]:
    """Every page of the site as Markdown, keyed by its path under docs/."""
    env = environment(templates)
    return {path: text for kind in KINDS for path, text in kind.pages(corpus, env)}
