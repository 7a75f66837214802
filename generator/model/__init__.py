"""The content model: the records of content/ declared once (schema.py), read
and validated into a Corpus with its cross indexes (corpus.py, items.py),
units (units.py), statuses (status.py) and the open-data export (export.py).

The corpus is what every page kind and the build read: its main names are
here, `from generator.model import Corpus, load_corpus`.
"""

from generator.model.corpus import Corpus, Document, Jurisdiction, id_key, load_corpus, sorted_by_date
from generator.model.schema import Block

__all__ = ["Block", "Corpus", "Document", "Jurisdiction", "id_key", "load_corpus", "sorted_by_date"]
