"""Item pages (items/<id>.md): one per goal, measure or task that names a
responsible unit or sets a target."""

from __future__ import annotations

from generator.model.items import Item, wording_key
from generator.model import Corpus
from generator.pages import deps
from generator.pages.document import block_anchors
from generator.pages.indicators import compared_metrics, metric_anchor
from generator.pages.plans import has_plan
from generator.pages.render import item_path, page_meta, render, spec
from generator.pages.views import KIND_NAMES

SIBLINGS = 20     # measures of the same domain listed on a goal's page
ELSEWHERE = 10    # the same goal in other jurisdictions


def _page(env, it: Item, elsewhere: list[Item], compared: dict, anchors: dict):
    doc = it.document
    if doc.id not in anchors:
        anchors[doc.id] = block_anchors(doc)
    same = [s for s in doc.items if s.domain == it.domain and s is not it]
    if it.kind == "goal":
        siblings, label = [s for s in same if s.kind != "goal"], "措施"
    else:
        siblings, label = [s for s in same if s.kind == it.kind], KIND_NAMES[it.kind]
    here = item_path(it)
    kind_name = KIND_NAMES[it.kind]
    yield here, render(
        env, "item.md.j2", here,
        page_meta("目标" if it.kind == "goal" else "任务", f"{kind_name} {it.number or ''} {it.text[:30]}",
                  doc.jurisdiction),
        it=it, doc=doc, kind_name=kind_name, has_plan=has_plan(doc),
        indicators=[i for x in (it, *it.statements) for i in x.indicators], compared=compared,
        anchor=anchors[doc.id][it.block], siblings=siblings[:SIBLINGS], siblings_label=label,
        elsewhere=elsewhere)


def reads(it: Item, elsewhere: list[Item], cite_index) -> set[str]:
    """World keys of an item page: its jurisdiction, the metrics it is
    compared under, its twins and what its citations resolve to."""
    groups = {i.group for x in (it, *it.statements) for i in x.indicators}
    return ({f"j:{it.document.jurisdiction.id}", f"w:{wording_key(it.text)}"} | {f"m:{g}" for g in groups}
            | deps.citations([it.text], cite_index) | {f"i:{o.id}" for o in elsewhere})


def pages(corpus: Corpus, env):
    compared = {g: metric_anchor(g) for g in compared_metrics(corpus)}
    anchors: dict = {}      # per document, shared by its item pages
    for it in corpus.items.values():
        if it.has_page:
            elsewhere = corpus.twins.of(it)[:ELSEWHERE]
            yield spec(item_path(it), reads(it, elsewhere, corpus.cite_index), _page,
                       env, it, elsewhere, compared, anchors)
