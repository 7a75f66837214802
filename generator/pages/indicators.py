"""The indicators page (indicators/index.md): every numeric target, grouped by
metric and compared across jurisdictions, as tables and as bar charts drawn
here at build time in HTML and CSS (nothing loads from outside)."""

from __future__ import annotations

import hashlib
import math

from markupsafe import Markup

from generator.model.items import Indicator
from generator.model import Corpus
from generator.pages import deps
from generator.pages.render import escape, page_meta, render, spec
from generator.pages.views import number, target_text

# Targets a bar can show: a level to reach or stay within. A change (降低1个百分点,
# 年均提高…) is no level, and a bar would draw it as if it were one.
CHANGES = ("decrease_by", "increase_by", "annual_decrease", "annual_increase")
CEILINGS = ("<=", "<", "decrease_to")      # lower is better: the value is a ceiling


def levels(rows: list[tuple[str, Indicator]]) -> tuple[list, list]:
    """(rows drawn as bars: the levels in the unit most of them use, the rest)."""
    level = [r for r in rows if r[1].comparator not in CHANGES and r[1].unit != "个百分点"]
    units = [i.unit for _, i in level]
    unit = max(units, key=units.count, default=None)
    drawn = [r for r in level if r[1].unit == unit]
    return (drawn, [r for r in rows if r not in drawn]) if len(drawn) > 1 else ([], rows)


def nice_ticks(top: float) -> list[float]:
    """0 and 3-6 round steps (1, 2 or 5 times a power of ten) up to at least `top`."""
    raw = (top or 1) / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return [n * step for n in range(math.ceil((top or 1) / step - 1e-9) + 1)]


def chart(title: str, rows: list[tuple[str, Indicator]]) -> Markup:
    """Horizontal bars on a scale from 0 with its ticks, one per (jurisdiction,
    level target); HTML and CSS, so labels keep the text size on a phone.
    Changes and other units are listed under it, not drawn."""
    drawn, listed = levels(rows)
    parts = ['<div class="pk-chart">']
    if drawn:
        ticks = nice_ticks(max(i.value for _, i in drawn))
        top, unit = ticks[-1], drawn[0][1].unit or ""
        ceiling = sum(i.comparator in CEILINGS for _, i in drawn) > len(drawn) / 2
        parts.append(f'<div class="pk-bars" role="img" aria-label="{escape(title)}" style="--steps: {len(ticks) - 1}">')
        for name, ind in drawn:
            kind = " pk-bar-ceiling" if ind.comparator in CEILINGS else ""
            parts.append(f'<span class="pk-bar-name">{escape(name)}</span>'
                         f'<span class="pk-bar-track"><span class="pk-bar{kind}" style="width: {100 * ind.value / top:.2f}%">'
                         f'</span></span><span class="pk-bar-value">{escape(target_text(ind))}</span>')
        parts.append('<span class="pk-bar-name"></span><span class="pk-bar-axis">' + "".join(
            f'<span style="left: {100 * t / top:.2f}%">{number(t)}</span>' for t in ticks)
            + f'</span><span class="pk-bar-value">{escape(unit)}</span></div>')
        parts.append('<p class="pk-chart-note">' + ("目标为上限：数值越低越好，条越短越严格。" if ceiling
                                                    else "条长按数值比例，刻度从 0 起。") + "</p>")
    if listed:
        parts.append('<p class="pk-chart-note">不画条的目标（变化量或其他单位）：' + "；".join(
            f"{escape(name)} {escape(target_text(i))}" for name, i in listed) + "</p>")
    parts.append("</div>")
    return Markup("".join(parts))


def compared_metrics(corpus: Corpus) -> list[str]:
    """Metrics with targets in two jurisdictions or more."""
    return [g for g, inds in corpus.metrics.items()
            if len({i.item.document.jurisdiction.id for i in inds}) > 1]


def metric_anchor(group: str) -> str:
    return Markup("m-" + hashlib.sha1(group.encode("utf-8")).hexdigest()[:8])   # ASCII, safe as is


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
