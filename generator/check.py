"""`policykb check`: validate content/ and print what each gazette produced:
blocks, responsibilities found and attached, items with no unit, units an
editor should look at, indicators, and every responsibility left unplaced."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from generator.model import schema, yamlio
from generator.model import Corpus, load_corpus
from generator.model.units import load_registry, places_of, suspect_aliases


def source_counts(corpus: Corpus) -> dict[str, Counter]:
    """Per source file: documents, blocks by kind, items, responsibilities and indicators."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in corpus.documents.values():
        c = counts[doc.source.file]
        c["documents"] += 1
        c["embedded"] += doc.parent is not None
        c["blocks"] += len(doc.blocks)
        c.update(b.kind for b in doc.blocks)
        for it in doc.items:
            c["items"] += 1
            c["attached"] += sum(1 for x in (it, *it.statements) if x.raw) - bool(it.statements and it.raw)
            c["no unit"] += not it.responsible
            c["indicators"] += sum(len(x.indicators) for x in (it, *it.statements))
    return dict(sorted(counts.items()))


def unplaced(corpus: Corpus) -> dict[str, list[dict]]:
    """Source file -> the manifest's unplaced responsibilities (content/sources/<stem>.yml)."""
    out = {}
    for source in sorted({d.source.file for d in corpus.documents.values()}):
        path = corpus.content_dir / Path(source).with_suffix(".yml")
        if not path.is_file():
            continue
        data, lines = yamlio.load(path)
        schema.validate(data, schema.Manifest, str(path), lines)
        out[source] = data.get("unplaced") or []
    return out


_REASONS = {"single mention": "仅出现一次", "not an office": "像是角色或工作组，不是单位：可改为 kind: generic"}


def suspects(corpus: Corpus) -> dict[str, list[str]]:
    """Jurisdiction -> units used once or spelt like another (generator.model.units.suspect_aliases)."""
    out = {}
    for jur in corpus.jurisdictions.values():
        path = corpus.content_dir / "units" / f"{jur.id}.yml"
        if not path.is_file():
            continue
        reg = load_registry(path, jur.id, places_of(vars(jur)))
        used = {u.id: len(u.led) + len(u.joined) for u in jur.units}
        for u in reg.units:
            u.mentions[u.name] = used.get(u.id, 0)
        out[jur.id] = [f"{s.name}（{_REASONS.get(s.reason) or '近似 ' + s.similar_to}）" for s in suspect_aliases(reg)]
    return out


def run_check(content_dir: Path, allow_unplaced: bool = False) -> int:
    """Raises PolicyError on invalid content (the CLI prints it and exits 1); returns 1
    when text or responsibility was left unplaced, unless allowed."""
    corpus = load_corpus(Path(content_dir))
    left = unplaced(corpus)
    cols = ("documents", "blocks", "section", "table", "items", "attached", "unplaced", "no unit", "indicators")
    print(f"{'source':28}" + "".join(f"{c:>11}" for c in cols))
    for source, c in source_counts(corpus).items():
        c["unplaced"] = len(left.get(source, []))
        print(f"{source:28}" + "".join(f"{c[k]:11}" for k in cols))
    print("\nattached = responsibility parentheticals attached to an item; found = attached + unplaced")
    for source, entries in left.items():
        for e in entries:
            a, b = e["lines"]
            print(f"unplaced: {source}:{a}-{b}: {e.get('text') or e['kind']}")
    for jur, names in suspects(corpus).items():
        if names:
            print(f"\n{jur}: {len(names)} unit name(s) to review (a role, used once, or near another name):")
            print("  " + "、".join(names))
    for jur in corpus.jurisdictions.values():
        if jur.review:
            print(f"\nreview: jurisdiction {jur.id} ({jur.name}) was added by an import; confirm it in "
                  f"content/jurisdictions.yml and remove `review: true`")
    print(f"\nok: {len(corpus.documents)} documents, {len(corpus.items)} items, {len(corpus.units)} units, "
          f"{len(corpus.indicators)} indicators in {len(corpus.jurisdictions)} jurisdictions")
    total = sum(len(v) for v in left.values())
    if total:
        print(f"{total} unplaced: nothing of them reaches the site. Correct the source or the YAML, or pass "
              "--allow-unplaced to accept them." if not allow_unplaced else f"{total} unplaced (allowed)")
        return 0 if allow_unplaced else 1
    return 0
