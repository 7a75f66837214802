"""`policykb export`: the open-data JSON, through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "content"
DOCUMENT_FIELDS = {"id", "title", "doc_number", "issuer", "date", "type", "parent", "status",
                   "valid_from", "valid_until", "source"}


def export(content: Path, out: Path) -> dict:
    run = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "export",
                          "--output", str(out)], capture_output=True, text=True,
                         env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert run.returncode == 0, run.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_export_lists_every_document_with_its_metadata(tmp_path):
    data = export(FIXTURE, tmp_path / "data.json")
    assert {"units", "documents", "items", "indicators"} <= set(data)
    docs = {d["id"]: d for d in data["documents"]}
    assert len(docs) == 5
    assert all(DOCUMENT_FIELDS <= set(d) for d in docs.values())
    plan = docs["zichuan-2022-01-1"]
    assert plan["parent"] == "zichuan-2022-01"
    assert plan["source"] == {"file": "sources/zichuan-2022.txt", "line_start": 31, "line_end": 90}
    assert docs["zichuan-2022-01"]["children"] == ["zichuan-2022-01-1", "zichuan-2022-01-2"]
    assert docs["zichuan-2022-01"]["doc_number"] == "川政发〔2022〕7号"
    assert docs["yantai-2021-01"]["status"] == "已失效"
    assert docs["yantai-2021-01"]["valid_until"] == "2023-03-31"
    assert docs["yantai-2021-02"]["date"] is None
    assert docs["yantai-2021-01"]["title"].startswith("<script>alert(1)</script>")  # data, not HTML


def test_export_of_bad_content_fails_cleanly(tmp_path):
    content = tmp_path / "content"
    (content / "documents" / "zichuan").mkdir(parents=True)
    (content / "jurisdictions.yml").write_bytes((FIXTURE / "jurisdictions.yml").read_bytes())
    (content / "documents" / "zichuan" / "x.yml").write_text("id: x\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "export",
                          "--output", str(tmp_path / "d.json")], capture_output=True, text=True)
    assert run.returncode == 1 and "x.yml:1: title: is missing" in run.stderr
    assert not (tmp_path / "d.json").exists()
