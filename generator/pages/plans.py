"""Plan pages (plans/<doc>.md: domains, goals and measures with their units,
targets and deadlines), responsibility matrices (matrices/<doc or jurisdiction>.md,
with CSV and XLSX beside them) and the list of plans (plans/index.md)."""

from __future__ import annotations

from generator.model.items import domains
from generator.model import Corpus, Document, Jurisdiction
from generator.pages import deps
from generator.pages.document import block_anchors
from generator.pages.render import jur_path, matrix_path, page_meta, plan_path, render, spec
from generator.pages.views import XlsxDownload, domain_matrix, goal_matrix, matrix_table, sheets_csv, units_of


def has_plan(doc: Document) -> bool:
    """A document gets a plan page when it assigns something to a unit or sets a target."""
    return any(it.has_page for it in doc.items)


def has_matrix(owner) -> bool:
    """A document or jurisdiction gets a matrix when one of its items names a unit."""
    docs = owner.documents if isinstance(owner, Jurisdiction) else [owner]
    return any(it.lead or it.participants for d in docs for it in d.items)


def _downloads(path: str, matrices) -> list[tuple[str, bytes | XlsxDownload]]:
    stem = path[:-3]
    sheets = [(m.caption, *matrix_table(m)) for m in matrices]
    return [(stem + ".csv", sheets_csv(sheets)), (stem + ".xlsx", XlsxDownload(sheets))]


def _doc_pages(doc: Document, env):
    doms = domains(doc)
    here = plan_path(doc)
    counts = {"goal": sum(len(d.goals) for d in doms), "other": sum(len(d.measures) for d in doms),
              "units": len(units_of(doc.items))}
    yield here, render(env, "plan.md.j2", here, page_meta("规划", f"{doc.title}：目标与分工", doc.jurisdiction),
                       doc=doc, domains=doms, counts=counts, anchors=block_anchors(doc))
    here = matrix_path(doc)
    # The overview (units x domains) first: one row per unit named in the document.
    matrices = [domain_matrix("各领域分工概览", doms)] + [goal_matrix(d) for d in doms]
    matrices = [m for m in matrices if m.rows]
    if not matrices:
        return
    trail = [(doc.jurisdiction.short_name, jur_path(doc.jurisdiction)), (doc.title, plan_path(doc))]
    yield here, render(env, "matrix.md.j2", here, page_meta("矩阵", f"{doc.title}：责任矩阵", doc.jurisdiction),
                       title=f"{doc.title}：责任矩阵", trail=trail, matrices=matrices, linked=True,
                       stem=here[:-3],
                       intro="概览表每格是该单位在该领域牵头、参与的事项数；其后每个领域一表，行是单位，列是目标和措施。")
    yield from _downloads(here, matrices)


def _jur_matrix(jur: Jurisdiction, env):
    """Units x domains of the jurisdiction, one table per document."""
    docs = [d for d in jur.documents if has_plan(d)]
    matrices = [domain_matrix(d.title, domains(d)) for d in docs]
    matrices = [m for m in matrices if m.rows]
    if not matrices:
        return
    here = matrix_path(jur)
    yield here, render(env, "matrix.md.j2", here, page_meta("矩阵", f"{jur.short_name}单位分工矩阵", jur),
                       title=f"{jur.short_name}单位分工矩阵", trail=[(jur.short_name, jur_path(jur))],
                       matrices=matrices, linked=False, stem=here[:-3],
                       intro="每件文件一表：行是单位，列是文件的领域，每格是该单位牵头、参与的事项数。")
    yield from _downloads(here, matrices)


def _index(env, corpus: Corpus):
    by_jur = [(j, [d for d in j.documents if has_plan(d)]) for j in corpus.jurisdictions.values()]
    yield "plans/index.md", render(env, "plans.md.j2", "plans/index.md", page_meta("索引"),
                                   by_jur=[(j, docs) for j, docs in by_jur if docs])


def pages(corpus: Corpus, env):
    for doc in corpus.documents.values():
        if has_plan(doc):
            yield spec(plan_path(doc), {f"j:{doc.jurisdiction.id}"}, _doc_pages, doc, env)
    for jur in corpus.jurisdictions.values():
        yield spec(matrix_path(jur), {f"j:{jur.id}"}, _jur_matrix, jur, env)
    yield spec("plans/index.md", {deps.EVERYTHING}, _index, env, corpus)
