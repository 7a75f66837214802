"""Item pages (items/<id>.md): one per goal, measure or task that names a
responsible unit or sets a target."""

from __future__ import annotations

import re
from collections import defaultdict

from generator.corpus_items import Item
from generator.model import Corpus
from generator.pages.indicators import compared_metrics, metric_anchor
from generator.pages.plans import has_plan
from generator.pages.render import item_path, page_meta, render
from generator.pages.views import KIND_NAMES

SIBLINGS = 20     # measures of the same domain listed on a goal's page
ELSEWHERE = 10    # the same goal in other jurisdictions


def wording_key(text: str) -> str:
    """An item's wording without its number, its responsibility parenthetical,
    digits, punctuation and spaces: the same goal copied into another
    jurisdiction's plan (区卫健局 / 市卫健委) compares equal."""
    t = re.sub(r"[（(\[［【][^（）()\[\]［］【】]*(?:牵头|责任|负责|配合|参与)[^（）()\[\]［］【】]*[）)\]］】]", "", text)
    t = re.sub(r"^\s*[（(]?[\d一二三四五六七八九十]+[）)、.．]?", "", t)
    return re.sub(r"[\W\d_]+", "", t)


def _anchors(doc) -> dict[int, str]:
    """Block index -> its anchor on the document page (as generator.pages.document names them)."""
    from generator.pages.document import block_views
    index = {id(v.block): v.anchor for v in block_views(doc)}
    return {i: index.get(id(b), "") for i, b in enumerate(doc.blocks)}


class Elsewhere:
    """The same goal in other jurisdictions: a shared metric or the same wording."""

    def __init__(self, items: list[Item], order: dict[str, int]):
        self.order = order
        self.by_metric: dict[str, list[Item]] = defaultdict(list)
        self.by_wording: dict[str, list[Item]] = defaultdict(list)
        for it in items:
            for group in {i.group for i in it.indicators}:
                self.by_metric[group].append(it)
            key = wording_key(it.text)
            if len(key) >= 6:
                self.by_wording[key].append(it)

    def of(self, it: Item) -> list[Item]:
        jur = it.document.jurisdiction
        found = [o for g in dict.fromkeys(i.group for i in it.indicators) for o in self.by_metric[g]]
        found += self.by_wording.get(wording_key(it.text), [])
        out = [o for o in dict.fromkeys(found) if o.document.jurisdiction is not jur]
        return sorted(out, key=lambda o: self.order[o.document.jurisdiction.id])[:ELSEWHERE]


def pages(corpus: Corpus, env):
    paged = [it for it in corpus.items.values() if it.has_page]
    elsewhere = Elsewhere(paged, {j: i for i, j in enumerate(corpus.jurisdictions)})
    compared = {g: metric_anchor(g) for g in compared_metrics(corpus)}
    anchors = {}
    for it in paged:
        doc = it.document
        if doc.id not in anchors:
            anchors[doc.id] = _anchors(doc)
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
            elsewhere=elsewhere.of(it))
