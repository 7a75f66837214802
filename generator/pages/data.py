"""The open-data download (data.json, linked from the home page): the whole
corpus as JSON (generator.model.export), and its JSON Schema beside it (data.schema.json)."""

from __future__ import annotations

import json

from generator.model.export import export_data, json_schema
from generator.model import Corpus
from generator.pages import deps
from generator.pages.render import spec

PATH = "data.json"
SCHEMA_PATH = "data.schema.json"


def _files(corpus: Corpus):
    # compact: the C encoder (indent takes the pure-Python one, 5x slower),
    # and an edit writes and compresses this file again (13 MB at 5x indented)
    yield PATH, (json.dumps(export_data(corpus), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    yield SCHEMA_PATH, (json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def pages(corpus: Corpus, env):
    yield spec(PATH, {deps.EVERYTHING}, _files, corpus)
