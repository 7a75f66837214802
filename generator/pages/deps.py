"""What each page reads, so that an incremental build makes only the pages an
edit can change.

The *world* is a set of keys, each with a digest of the part of the corpus
it stands for; a page declares the keys it reads (`Spec.deps`). After an edit,
the keys whose digest changed select the pages to make again; every other
page keeps its previous Markdown. The keys:

    j:<jurisdiction>   its unit registry and document files: what the pages
                       of one jurisdiction read of it
    n:<document>       its title and status: what a link to it shows
    i:<item>           what a row of it on another jurisdiction's page shows
                       (its label, targets and lead units)
    x:<document>       who links to the document (cited by, issued by) and
                       its status: what other documents' files decide
    t:<title key>      which document a citation 《…》 resolves to
    w:<wording key>    the goals written alike across jurisdictions
    m:<metric>         the targets compared under one metric
    *                  everything: the lists, the home page, data.json

Whatever is not content of one jurisdiction (the templates, the code, the
jurisdiction and metric registries, today's date for statuses and deadlines)
is in the build's fingerprint (generator/build/state.py): when it changes,
every page is made again. Keys are collected from the data a template is given, so a page
never reads what it did not declare: tests/test_incremental.py checks edits
of every kind against a full build.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from generator.model.items import find_citations, title_key
from generator.model import Corpus

EVERYTHING = "*"


def digest_of(*parts) -> str:
    """One digest of values and bytes, each ended so that (a, bc) and (ab, c) differ."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def world(corpus: Corpus) -> dict[str, str]:
    """Every key of the module docstring and its digest."""
    keys: dict[str, str] = {}
    files_of: dict[str, list] = defaultdict(list)
    for doc in corpus.documents.values():
        files_of[doc.jurisdiction.id] += [doc.file, doc.file.read_bytes()]
        # A status may be decided by another document (the policy a notice
        # issues, a repealing one): links show it, the page states it.
        keys[f"n:{doc.id}"] = digest_of(doc.title, doc.status)
        keys[f"x:{doc.id}"] = digest_of(*(d.id for d in doc.cited_by), "|", *(d.id for d in doc.children),
                                      doc.status, doc.status_reason)
    for jur in corpus.jurisdictions.values():
        registry = corpus.content_dir / "units" / f"{jur.id}.yml"
        keys[f"j:{jur.id}"] = digest_of(registry.read_bytes() if registry.is_file() else b"", *files_of[jur.id])
    for it in corpus.items.values():
        keys[f"i:{it.id}"] = digest_of(it.text, it.number, it.raw, it.page.id, it.page.has_page,
                                     *(f"{i.metric}={i.comparator}={i.value}={i.unit}={i.target_year}"
                                       for i in it.indicators),
                                     *(f"{u.id}={u.name}={u.has_page}" for u in it.lead))
    for key, doc in corpus.cite_index.items():
        keys[f"t:{key}"] = doc.id
    for key, found in corpus.twins.by_wording.items():
        keys[f"w:{key}"] = digest_of(*(it.id for it in found))
    for group, inds in corpus.metrics.items():
        keys[f"m:{group}"] = digest_of(*(f"{i.item.id}@{i.item.document.jurisdiction.id}" for i in inds))
    keys[EVERYTHING] = digest_of(*(keys[f"j:{j}"] for j in corpus.jurisdictions))
    return keys


def changed(before: dict[str, str], now: dict[str, str]) -> set[str]:
    """Keys added, removed or with another digest."""
    return {key for key in before.keys() | now.keys() if before.get(key) != now.get(key)}


def citations(texts, cite_index) -> set[str]:
    """t: keys of the citations in `texts` (both spellings a citation may resolve by)."""
    keys = set()
    for text in texts:
        for m, _ in find_citations(text, cite_index):
            keys.add(f"t:{title_key(m.group(1))}")
            if m.group(2):
                keys.add(f"t:{title_key(m.group(2))}")
    return keys


def linked(docs) -> set[str]:
    """Keys of links to documents (None allowed: no link)."""
    return {f"n:{doc.id}" for doc in docs if doc is not None}
