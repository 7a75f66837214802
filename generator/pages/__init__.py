"""Generators: one module per page kind, each yielding a Spec per page (the
files it makes, the world keys it reads, how to make them)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generator.model import Corpus
from generator.parallel import Forked
from generator.pages import data, document, home, indicators, items, jurisdiction, plans, search_page, units
from generator.pages.render import TEMPLATES, Spec, environment
from generator.pages.views import XlsxDownload, file_name, item_label, role, target_text, units_of

KINDS = (home, jurisdiction, document, plans, items, units, indicators, data, search_page)
# With two cores, item pages (the most numerous: 40% of the time) are made in
# a forked process while this one makes the others.
FORKED = (items,)

Pages = dict[str, str | bytes | XlsxDownload]


@dataclass
class Generated:
    files: Pages                 # docs path -> Markdown or download, of the specs made
    made_by: dict[str, str]      # docs path -> key of the spec that made it
    kept: set[str]               # keys of the specs `keep` left as they were


def generate(corpus: Corpus, templates: Path = TEMPLATES,
             keep: Callable[[Spec], bool] = lambda spec: False) -> Generated:
    """Every page of the site as Markdown, keyed by its path under docs/; the
    downloads beside them: CSV and data.json as bytes, XLSX as its data
    (rendered by the writer). Specs for which `keep` is true are not made (their files stay
    what the previous build wrote)."""
    env = environment(templates)
    env.globals.update(cite_index=corpus.cite_index, target_text=target_text, label_of=item_label, file_name=file_name,
                       role=role, units_of=units_of, has_matrix=plans.has_matrix, has_plan=plans.has_plan)
    if (os.cpu_count() or 1) < 2:
        made = _made(KINDS, corpus, env, keep)
    else:
        forked = Forked(_made, FORKED, corpus, env, keep)
        try:
            made = _made([k for k in KINDS if k not in FORKED], corpus, env, keep)
            made.update(forked.result())
        finally:
            forked.kill()
    out = Generated({}, {}, set())
    for kind in KINDS:
        files, made_by, kept = made[kind.__name__]
        out.files.update(files)
        out.made_by.update(made_by)
        out.kept |= kept
    return out


def _made(kinds, corpus: Corpus, env, keep) -> dict[str, tuple]:
    """Kind (module name) -> (its files, the spec of each, the specs kept)."""
    out = {}
    for kind in kinds:
        files, made_by, kept = {}, {}, set()
        for spec in kind.pages(corpus, env):
            if keep(spec):
                kept.add(spec.key)
                continue
            for path, body in spec.make():
                files[path] = body
                made_by[path] = spec.key
        out[kind.__name__] = files, made_by, kept
    return out
