"""`policykb check`: validate content/ and print what each gazette produced."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from generator.model import Corpus, load_corpus


def source_counts(corpus: Corpus) -> dict[str, Counter]:
    """Per source file: documents, blocks, and blocks by kind."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in corpus.documents.values():
        c = counts[doc.source.file]
        c["documents"] += 1
        c["embedded"] += doc.parent is not None
        c["blocks"] += len(doc.blocks)
        c.update(b.kind for b in doc.blocks)
    return dict(sorted(counts.items()))


def run_check(content_dir: Path) -> int:
    """Raises PolicyError on invalid content (the CLI prints it and exits 1)."""
    corpus = load_corpus(Path(content_dir))
    kinds = ("section", "paragraph", "table")
    print(f"{'source':32} {'docs':>5} {'issued':>6} {'blocks':>6} " + " ".join(f"{k:>9}" for k in kinds))
    for source, c in source_counts(corpus).items():
        print(f"{source:32} {c['documents']:5} {c['embedded']:6} {c['blocks']:6} "
              + " ".join(f"{c[k]:9}" for k in kinds))
    print(f"ok: {len(corpus.documents)} documents in {len(corpus.jurisdictions)} jurisdictions")
    return 0
