"""The docs folder's files: the pages of every kind made from the corpus, and
the site's CSS."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from generator.build.config import CSS_DIR, SITE_CONFIG
from generator.model import Corpus
from generator.pages import Generated, generate
from generator.pages.render import TEMPLATES, Spec


def docs_files(corpus: Corpus, templates: Path = TEMPLATES,
               keep: Callable[[Spec], bool] = lambda spec: False) -> Generated:
    """The files of docs/ (the Markdown pages, the CSV / XLSX downloads and
    data.json, and the site CSS), but those of specs `keep` keeps. Workbooks stay
    data until written."""
    made = generate(corpus, templates, keep)
    made.files = {path: text.encode("utf-8") if isinstance(text, str) else text
                  for path, text in made.files.items()}
    for css in sorted(SITE_CONFIG.glob("*.css")):
        made.files[f"{CSS_DIR}/{css.name}"] = css.read_bytes()    # always: not made from the corpus
    return made
