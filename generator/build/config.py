"""Where things are and how MkDocs is configured for a build: the project's
folders, mkdocs.yml with this build's overrides, and where MkDocs writes and
links each docs file."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import yaml

from generator.build import hosting

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_YML = ROOT / "mkdocs.yml"
SITE_CONFIG = ROOT / "site_config"
WORK = ROOT / "build"          # default work folder (--work): Markdown, caches, the lock
CSS_DIR = "css"                # docs/css/*.css, as listed in mkdocs.yml extra_css


def mkdocs_config(docs_dir: Path, site_dir: Path, offline: bool) -> dict:
    """mkdocs.yml's settings that differ for this build (docs and site folders,
    the file:// variant), as overrides for mkdocs.config.load_config."""
    base = yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8"))
    wanted = hosting.offline_config(base) if offline else base
    overrides = {k: v for k, v in wanted.items() if base.get(k) != v}
    overrides.update(docs_dir=str(docs_dir), site_dir=str(site_dir))
    return overrides


def page_output(path: str, directory_urls: bool = True) -> str | None:
    """Where MkDocs writes a docs file (None for what it does not copy)."""
    p = PurePosixPath(path)
    if p.name.startswith("."):
        return None
    if p.suffix != ".md":
        return path
    if p.stem in ("index", "README"):
        return str(p.with_name("index.html"))
    return str(p.with_suffix("") / "index.html") if directory_urls else str(p.with_suffix(".html"))


def page_location(path: str, offline: bool) -> str:
    """A page's URL relative to the site root, as MkDocs links it: its folder
    with directory URLs, its .html file in the file:// variant."""
    output = page_output(path, not offline)
    return output if offline or not output.endswith("index.html") else output[: -len("index.html")]


def sort_key(path: str):
    """MkDocs' file order (index first, folders last)."""
    parts = PurePosixPath(path).parts
    return parts[:-1], PurePosixPath(path).stem != "index", parts[-1]
