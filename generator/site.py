"""Writer: content/ -> Markdown -> mkdocs -> site/, swapped in only on success.

All work happens in a temporary folder beside the output (same file system,
so the final step is a rename): docs/ gets the Markdown pages, the CSS and
data.json; MkDocs (strict: any warning fails) builds site/ there; the
post-build steps run on it; then site/ replaces the output folder and docs/
replaces build/docs beside it (what mkdocs.yml's docs_dir names, so a plain
`mkdocs build` works afterwards). Any failure leaves both untouched.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

import yaml

from generator import postprocess
from generator.errors import PolicyError
from generator.export import export_data, write_json
from generator.model import Corpus, load_corpus
from generator.pages import generate
from generator.pages.render import TEMPLATES

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"
SITE_CONFIG = ROOT / "site_config"
CSS_DIR = "css"          # docs/css/*.css, as listed in mkdocs.yml extra_css
DATA_JSON = "data.json"  # the open-data download, linked from the home page


def _precompress(site_dir: Path, corpus: Corpus, offline: bool) -> None:
    if offline:
        postprocess.install_offline_shim(site_dir)
    else:
        postprocess.precompress(site_dir)


def _search(site_dir: Path, corpus: Corpus, offline: bool) -> None:
    from generator.search import build_search, unit_aliases
    build_search(site_dir, unit_aliases(corpus.units))


# Run in order on the freshly built site folder before it is swapped in:
# f(site_dir, corpus, offline). _precompress must stay last so every text
# file gets its .gz/.br.
POST_BUILD: list[Callable[[Path, Corpus, bool], None]] = [_search, _precompress]


def write_docs(corpus: Corpus, docs_dir: Path, templates: Path = TEMPLATES) -> None:
    """The Markdown pages, the site CSS and data.json."""
    for path, text in generate(corpus, templates).items():
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (docs_dir / CSS_DIR).mkdir(parents=True, exist_ok=True)
    for css in SITE_CONFIG.glob("*.css"):
        shutil.copyfile(css, docs_dir / CSS_DIR / css.name)
    write_json(export_data(corpus), docs_dir / DATA_JSON)


def mkdocs_config(docs_dir: Path, site_dir: Path, offline: bool) -> dict:
    """mkdocs.yml's settings that differ for this build (docs and site folders,
    the file:// variant), as overrides for mkdocs.config.load_config."""
    base = yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8"))
    wanted = postprocess.offline_config(base) if offline else base
    overrides = {k: v for k, v in wanted.items() if base.get(k) != v}
    overrides.update(docs_dir=str(docs_dir), site_dir=str(site_dir))
    return overrides


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings for the error message (strict mode fails on them)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def run_mkdocs(docs_dir: Path, site_dir: Path, offline: bool, strict: bool) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    log = logging.getLogger("mkdocs")
    collect, propagate = _Collect(), log.propagate
    log.addHandler(collect)
    log.propagate = False
    try:
        config = load_config(str(MKDOCS_YML), strict=strict, **mkdocs_config(docs_dir, site_dir, offline))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as exc:  # config errors and strict-mode aborts
        details = "\n".join(f"  {m}" for m in collect.messages)
        raise PolicyError(f"mkdocs build failed: {exc}" + (f"\n{details}" if details else ""),
                          file=str(MKDOCS_YML)) from None
    finally:
        log.removeHandler(collect)
        log.propagate = propagate


def _swap(new: Path, target: Path) -> None:
    """Put `new` where `target` is; the old folder is removed only afterwards."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{time.time_ns()}")
        target.rename(old)
    target.parent.mkdir(parents=True, exist_ok=True)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build(content_dir: Path, output: Path, offline: bool = False, strict: bool = True,
          corpus: Corpus | None = None, templates: Path = TEMPLATES,
          steps: Sequence[Callable[[Path, Corpus, bool], None]] = POST_BUILD) -> Corpus:
    """Build the site into `output`; on any failure `output` stays as it was."""
    output = Path(output).resolve()
    corpus = corpus or load_corpus(Path(content_dir))
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
    try:
        docs_dir, site_dir = work / "docs", work / "site"
        write_docs(corpus, docs_dir, templates)
        run_mkdocs(docs_dir, site_dir, offline, strict)
        for step in steps:
            step(site_dir, corpus, offline)
        _swap(site_dir, output)
        _swap(docs_dir, output.parent / "build" / "docs")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return corpus
