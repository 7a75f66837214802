"""A Material site made from the imported documents (content/documents), for
developing and testing search until generator.site builds the real one.

One page per document (kind 文件), sections as headings, tables as tables, the
same theme override (site_config/overrides) and the same post-build step."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def cell(text) -> str:
    return html.escape(str(text if text is not None else "")).replace("|", "&#124;").replace("\n", " ")


def markdown(doc: dict, jurisdiction: str) -> str:
    lines = ["---", f"kind: 文件", f"jurisdiction: {jurisdiction}", "---", "",
             f"# {cell(doc['title'])}", ""]
    for block in doc["blocks"]:
        kind = block["kind"]
        if kind == "header" and block.get("role") == "title":
            continue
        if kind == "section":
            head = cell(" ".join(x for x in (block.get("number"), block.get("title")) if x))
            if head:
                lines += ["#" * min(6, block["level"] + 1) + " " + head, ""]
            if block.get("text"):
                lines += [cell(block["text"]), ""]
        elif kind == "table":
            header = block.get("header") or [""] * len((block.get("rows") or [[""]])[0])
            if block.get("caption"):
                lines += [cell(block["caption"]), ""]
            lines.append("| " + " | ".join(cell(h) for h in header) + " |")
            lines.append("|" + "---|" * len(header))
            for row in block.get("rows") or []:
                row = list(row) + [""] * (len(header) - len(row))
                lines.append("| " + " | ".join(cell(c) for c in row[:len(header)]) + " |")
            lines.append("")
        elif block.get("text"):
            lines += [cell(block["text"]), ""]
    return "\n".join(lines)


def build_standin(out: Path, offline: bool = False, jurisdictions: tuple[str, ...] | None = None,
                  aliases: dict[str, list[str]] | None = None) -> Path:
    """Build the stand-in site into `out` (with our search index); return out."""
    from generator import postprocess
    from generator.search import build_search

    out = Path(out)
    work = out.parent / (out.name + "-src")
    docs_dir = work / "docs"
    names = {j["id"]: j["short_name"] for j in yaml.safe_load((ROOT / "content/jurisdictions.yml").read_text())}
    paths = [p for p in sorted((ROOT / "content/documents").glob("*/*.yml"))
             if jurisdictions is None or p.parent.name in jurisdictions]
    index = ["# 政策文件知识库", ""]
    for path in paths:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        target = docs_dir / "documents" / f"{doc['id']}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown(doc, names.get(doc["jurisdiction"], "")), encoding="utf-8")
        index.append(f"- [{cell(doc['title'])}](documents/{doc['id']}.md)")
    (docs_dir / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    config = {
        "site_name": "政策文件知识库", "docs_dir": str(docs_dir), "site_dir": str(out),
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "zh", "font": False,
                  "custom_dir": str(ROOT / "site_config" / "overrides")},
        "plugins": ["search"],
    }
    if offline:
        config = postprocess.offline_config(config)
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml")],
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    build_search(out, aliases)
    if offline:
        postprocess.install_offline_shim(out)
    else:
        postprocess.precompress(out)
    return out
