"""The indicators page (indicators/index.md): every numeric target, grouped by
metric and compared across jurisdictions, as tables and as SVG bar charts drawn
here at build time (nothing loads from outside)."""

from __future__ import annotations

import hashlib

from markupsafe import Markup

from generator.corpus_items import Indicator
from generator.model import Corpus
from generator.pages import deps
from generator.pages.render import escape, page_meta, render, spec
from generator.pages.views import target_text

BAR, LABEL, WIDTH = 22, 96, 560   # bar height, label column and chart width (px)


def compared_metrics(corpus: Corpus) -> list[str]:
    """Metrics with targets in two jurisdictions or more."""
    return [g for g, inds in corpus.metrics.items()
            if len({i.item.document.jurisdiction.id for i in inds}) > 1]


def metric_anchor(group: str) -> str:
    return Markup("m-" + hashlib.sha1(group.encode("utf-8")).hexdigest()[:8])   # ASCII, safe as is


def chart(title: str, rows: list[tuple[str, Indicator]]) -> Markup:
    """Horizontal bars, one per (jurisdiction, indicator), scaled to the largest value."""
    top = max((i.value for _, i in rows), default=0) or 1
    span = WIDTH - LABEL - 130
    height = BAR * len(rows) + 8
    parts = [f'<svg class="pk-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">']
    for n, (name, ind) in enumerate(rows):
        y = 4 + n * BAR
        w = max(1.0, span * ind.value / top)
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + 15}" text-anchor="end">{escape(name)}</text>'
            f'<rect x="{LABEL}" y="{y + 3}" width="{w:.1f}" height="{BAR - 6}" rx="2"/>'
            f'<text x="{LABEL + w + 6:.1f}" y="{y + 15}">{escape(target_text(ind))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def pages(corpus: Corpus, env):
    yield spec("indicators/index.md", {deps.EVERYTHING}, _page, env, corpus)


def _page(env, corpus: Corpus):
    order = list(corpus.jurisdictions.values())
    compared = []
    for g in compared_metrics(corpus):
        inds = corpus.metrics[g]
        by_jur = [(j, [i for i in inds if i.item.document.jurisdiction is j]) for j in order]
        rows = [(j.short_name, i) for j, found in by_jur for i in found]
        compared.append({"name": g, "anchor": metric_anchor(g), "by_jur": by_jur,
                         "chart": chart(g, rows), "count": len(inds)})
    single = [(g, corpus.metrics[g]) for g in corpus.metrics if g not in {c["name"] for c in compared}]
    yield "indicators/index.md", render(
        env, "indicators.md.j2", "indicators/index.md", page_meta("指标", "指标比较"),
        jurisdictions=order, compared=compared, single=single, total=len(corpus.indicators))
