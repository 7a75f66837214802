"""Contents: load and validate every YAML file of content/, then build the
corpus and its cross indexes once (Pelican's readers -> contents step).

Phase 1 reads and validates each file on its own and collects every error;
phase 2 runs only on a clean load and links the records together (duplicate
ids, unknown jurisdictions and parents are reported with file and line).
Then generator.model.items adds units, items, indicators and citations with
their cross indexes (unit -> items led / joined, document -> items and domains,
metric -> indicators, document -> cited by).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.model import schema, yamlio
from generator.model.items import link_contents
from generator.model.status import IN_FORCE, set_statuses
from generator.errors import PolicyError, PolicyErrors
from generator.model.node import Node
from generator.model.schema import DocumentRecord, JurisdictionRecord, linked
from generator.parallel import fork_map
from generator.model.yamlio import Lines

if TYPE_CHECKING:
    from generator.model.items import Citation, Item, Unit


@linked
class Jurisdiction(Node, JurisdictionRecord):
    documents: list[Document] = field(default_factory=list)  # newest first
    units: list[Unit] = field(default_factory=list)          # registry order

    def type_counts(self) -> Counter:
        return Counter(d.type for d in self.documents)


@linked
class Document(Node, DocumentRecord):
    file: Path                      # the YAML file it was read from
    line: int                       # line of its `id`
    status: str = IN_FORCE                    # generator.model.status, once the corpus is linked
    status_reason: str = ""
    parent: Document | None = None
    children: list[Document] = field(default_factory=list)  # policies it issues, in id order
    items: list[Item] = field(default_factory=list)            # source order
    citations: list[Citation] = field(default_factory=list)    # first mention order
    cited_by: list[Document] = field(default_factory=list)

    # data.json (generator.model.export): besides the record's exported fields
    EXPORT = ("children", "status", "trial=validity.trial", "valid_from=validity.valid_from",
              "valid_until=validity.valid_until", "cites=citations")

    @property
    def headers(self) -> dict[str, str]:
        """Header block texts by role (letterhead, doc_number, …): the metadata box."""
        return {b.role: b.text for b in self.blocks if b.kind == "header" and b.role and b.text}


@dataclass
class Corpus:
    content_dir: Path
    today: dt.date
    jurisdictions: dict[str, Jurisdiction]   # registry order
    documents: dict[str, Document]           # id order
    # Filled by generator.model.items.link_contents.
    units: dict[str, Any] = field(default_factory=dict)      # id -> Unit
    items: dict[str, Any] = field(default_factory=dict)      # id -> Item (statements hang off theirs)
    indicators: list = field(default_factory=list)           # every Indicator, item order
    metrics: dict[str, list] = field(default_factory=dict)   # metric -> Indicators, widest spread first
    cite_index: dict[str, Document] = field(default_factory=dict)  # title / 文号 key -> document
    twins: Any = None                                        # corpus_items.Twins

    def latest(self, n: int) -> list[Document]:
        return sorted_by_date(self.documents.values())[:n]


def sorted_by_date(docs) -> list[Document]:
    """Newest first; undated documents last; ties in id order."""
    docs = sorted(docs, key=lambda d: id_key(d.id))
    return sorted(docs, key=lambda d: d.date or dt.date.min, reverse=True)


# --- phase 1: read and validate ---------------------------------------------------

def _read(path: Path, errors: list[PolicyError], cache: yamlio.Cache | None = None,
          check=None) -> tuple[Any, Lines] | None:
    try:
        return yamlio.load(path, cache, check)
    except PolicyError as exc:
        errors.extend(getattr(exc, "errors", [exc]))
        return None


def _validated(data, rec, file: str, lines: Lines, errors: list[PolicyError], path: tuple = ()) -> bool:
    try:
        schema.validate(data, rec, file, lines, path)
        return True
    except PolicyError as exc:
        errors.extend(getattr(exc, "errors", [exc]))
        return False


def _load_jurisdictions(path: Path, errors) -> list[dict]:
    loaded = _read(path, errors)
    if loaded is None:
        return []
    data, lines = loaded
    if not isinstance(data, list):
        errors.append(PolicyError("must be a list of jurisdictions", str(path), 1))
        return []
    return [item for i, item in enumerate(data)
            if _validated(item, Jurisdiction, str(path), lines, errors, (i,))]


def _parse(path: Path, cache: yamlio.Cache | None) -> tuple[tuple[Any, Lines] | None, list[tuple]]:
    """A document file read and checked against the schema, in a worker
    process: the problems come back as PolicyError's fields."""
    errors: list[PolicyError] = []

    def check(data, lines) -> bool:
        return _validated(data, Document, str(path), lines, errors)

    loaded = _read(path, errors, cache, check)
    return loaded, [(e.message, e.file, e.line, e.field) for e in errors]


def _load_documents(folder: Path, errors, cache: yamlio.Cache | None) -> list[tuple[Path, dict, Lines]]:
    paths = sorted(folder.glob("*/*.yml"))
    # Cached files here (a worker would only pickle them again to send them
    # back); the rest on every core: parsing and checking YAML is nine tenths
    # of loading a large corpus.
    found = {path: yamlio.cached(path, cache) for path in paths}
    todo = [path for path in paths if found[path] is None]
    for path, (loaded, problems) in zip(todo, fork_map(_parse, todo, [cache] * len(todo), chunksize=8)):
        errors.extend(PolicyError(*problem) for problem in problems)
        found[path] = loaded if not problems else None
    return [(path, *found[path]) for path in paths if found[path]]


# --- phase 2: the model and its cross indexes ------------------------------------------

def _link(corpus: Corpus, lines_of: dict[str, Lines], errors) -> None:
    for doc in corpus.documents.values():
        if doc.parent_id is None:
            continue
        parent = corpus.documents.get(doc.parent_id)
        if parent is None or parent is doc:
            what = "is the document itself" if parent is doc else f"unknown document id {doc.parent_id!r}"
            errors.append(PolicyError(what, str(doc.file), lines_of[doc.id].get(("parent",)), "parent"))
            continue
        doc.parent = parent
        parent.children.append(doc)
    for jur in corpus.jurisdictions.values():
        jur.documents = sorted_by_date(jur.documents)


def load_corpus(content_dir: Path, today: dt.date | None = None, cache: yamlio.Cache | None = None) -> Corpus:
    """Read content/ into a Corpus; raise PolicyError(s) naming every bad file.
    `cache` keeps parsed documents for the next build (yamlio.Cache)."""
    # Loading makes millions of objects and no garbage cycles: each full
    # collection walked every object made so far, and found nothing (17 of
    # the 27 s a 20x corpus took to load; the forked parsers inherit this).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_corpus(Path(content_dir), today, cache)
    finally:
        if enabled:
            gc.enable()


def _load_corpus(content_dir: Path, today: dt.date | None, cache: yamlio.Cache | None) -> Corpus:
    errors: list[PolicyError] = []
    jur_file = content_dir / "jurisdictions.yml"
    if not jur_file.is_file():
        raise PolicyError("missing: the jurisdiction registry is required", str(jur_file))
    jurs = _load_jurisdictions(jur_file, errors)
    docs = _load_documents(content_dir / "documents", errors, cache)
    if errors:
        raise _combined(errors)

    today = today or dt.date.today()
    corpus = Corpus(content_dir, today, {j["id"]: schema.build(Jurisdiction, j) for j in jurs}, {})
    lines_of: dict[str, Lines] = {}
    for path, data, lines in docs:
        jur = corpus.jurisdictions.get(data["jurisdiction"])
        if jur is None:
            errors.append(PolicyError(f"unknown jurisdiction {data['jurisdiction']!r} (known: "
                                      f"{', '.join(corpus.jurisdictions)}; add it to {jur_file})",
                                      str(path), lines.get(("jurisdiction",)), "jurisdiction"))
            continue
        first = corpus.documents.get(data["id"])
        if first is not None:
            errors.append(PolicyError(f"duplicate id {data['id']!r}, also used in {first.file}:{first.line}",
                                      str(path), lines.get(("id",)), "id"))
            continue
        doc = schema.build(Document, data, jurisdiction=jur, file=path, line=lines.get(("id",), 1))
        corpus.documents[doc.id] = doc
        lines_of[doc.id] = lines
        jur.documents.append(doc)
    _link(corpus, lines_of, errors)
    if errors:
        raise _combined(errors)
    corpus.documents = dict(sorted(corpus.documents.items(), key=lambda kv: id_key(kv[0])))
    for doc in corpus.documents.values():
        doc.children.sort(key=lambda d: id_key(d.id))
    link_contents(corpus, lines_of, errors)
    if errors:
        raise _combined(errors)
    set_statuses(corpus)
    return corpus


def id_key(doc_id: str) -> list:
    """Natural order: zichuan-2022-01-10 after zichuan-2022-01-9."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in doc_id.split("-")]


def _combined(errors: list[PolicyError]) -> PolicyError:
    return errors[0] if len(errors) == 1 else PolicyErrors(errors)
