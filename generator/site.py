"""Writer: content/ -> Markdown -> mkdocs -> site/, swapped in only on success.

All work happens in a temporary folder beside the output (same file system,
so the final step is a rename): docs/ gets the Markdown pages, the CSS and
data.json; MkDocs (strict: any warning fails) builds site/ there; the
post-build steps run on it; then site/ replaces the output folder and docs/
replaces build/docs beside it (what mkdocs.yml's docs_dir names, so a plain
`mkdocs build` works afterwards). Any failure leaves both untouched.

Incremental builds. Every page is generated again (cheap), but only files
whose bytes changed are rebuilt: build/docs keeps a state file (hash of every
docs file, and a key of everything else a page's HTML depends on: mkdocs.yml,
the theme overrides, the post-build code). When the key matches, the work
folders start as hard links to the previous docs and site, the outputs of
changed and removed pages are deleted, and MkDocs runs in dirty mode, which
renders exactly the pages whose output is missing. The nav is fixed in
mkdocs.yml and a page's HTML depends only on its own Markdown, so this equals
a full build. Hard links are shared with the live site, so nothing may write
into an existing file: MkDocs' writers unlink first (_fresh_inodes), the
search step writes new files, precompression skips files whose .gz is newer.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import shutil
import tempfile
import time
import zipfile
from pathlib import Path, PurePosixPath
from typing import Callable, Sequence

import yaml

from generator import postprocess
from generator.errors import PolicyError
from generator.export import export_data
from generator.model import Corpus, load_corpus
from generator.pages import generate
from generator.pages.render import TEMPLATES

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"
SITE_CONFIG = ROOT / "site_config"
CSS_DIR = "css"          # docs/css/*.css, as listed in mkdocs.yml extra_css
DATA_JSON = "data.json"  # the open-data download, linked from the home page
STATE = ".policykb-build.json"   # in docs/; MkDocs skips dot files
SEARCH_INDEX = "search/search_index.json"
# What a page's HTML depends on besides its Markdown (the templates reach the
# HTML only through the Markdown, which is compared byte for byte).
KEY_FILES = [MKDOCS_YML, SITE_CONFIG, ROOT / "generator" / "site.py", ROOT / "generator" / "search.py",
             ROOT / "generator" / "postprocess.py"]


def _precompress(site_dir: Path, corpus: Corpus, offline: bool) -> None:
    if offline:
        postprocess.install_offline_shim(site_dir)
    else:
        postprocess.precompress(site_dir)


def _search(site_dir: Path, corpus: Corpus, offline: bool) -> None:
    from generator.search import build_search, unit_aliases
    build_search(site_dir, unit_aliases([{"name": u.name, "aliases": u.aliases} for u in corpus.units.values()]))


# Run in order on the freshly built site folder before it is swapped in:
# f(site_dir, corpus, offline). _precompress must stay last so every text
# file gets its .gz/.br.
POST_BUILD: list[Callable[[Path, Corpus, bool], None]] = [_search, _precompress]


def docs_files(corpus: Corpus, templates: Path = TEMPLATES) -> dict[str, bytes]:
    """Every file of docs/: the Markdown pages, the CSV / XLSX downloads, the
    site CSS and data.json, keyed by path."""
    files = {path: text if isinstance(text, bytes) else text.encode("utf-8")
             for path, text in generate(corpus, templates).items()}
    for css in sorted(SITE_CONFIG.glob("*.css")):
        files[f"{CSS_DIR}/{css.name}"] = css.read_bytes()
    files[DATA_JSON] = (json.dumps(export_data(corpus), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files


def write_docs(corpus: Corpus, docs_dir: Path, templates: Path = TEMPLATES) -> None:
    for path, data in docs_files(corpus, templates).items():
        _write(docs_dir / path, data)


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


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


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave navigation stale; ours cannot
    (see the module docstring), and strict mode would abort on the warning."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


@contextlib.contextmanager
def _fresh_inodes():
    """Make MkDocs' two writers unlink their target first, so a hard link shared
    with the live site is replaced, never written through."""
    from mkdocs import utils

    def unlinking(write):
        def wrapper(source, output_path, *args, **kwargs):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(output_path)
            return write(source, output_path, *args, **kwargs)
        return wrapper

    saved = utils.write_file, utils.copy_file
    utils.write_file, utils.copy_file = unlinking(saved[0]), unlinking(saved[1])
    try:
        yield
    finally:
        utils.write_file, utils.copy_file = saved


def run_mkdocs(docs_dir: Path, site_dir: Path, offline: bool, strict: bool, dirty: bool = False) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    log = logging.getLogger("mkdocs")
    build_log = logging.getLogger("mkdocs.commands.build")
    collect, propagate = _Collect(), log.propagate
    log.addHandler(collect)
    log.propagate = False
    build_log.addFilter(_not_the_dirty_warning)
    try:
        config = load_config(str(MKDOCS_YML), strict=strict, **mkdocs_config(docs_dir, site_dir, offline))
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            with _fresh_inodes():
                mkdocs_build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as exc:  # config errors and strict-mode aborts
        details = "\n".join(f"  {m}" for m in collect.messages)
        raise PolicyError(f"mkdocs build failed: {exc}" + (f"\n{details}" if details else ""),
                          file=str(MKDOCS_YML)) from None
    finally:
        log.removeHandler(collect)
        log.propagate = propagate
        build_log.removeFilter(_not_the_dirty_warning)


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


# --- incremental builds ---------------------------------------------------------------

def build_key(offline: bool, strict: bool, steps: Sequence[Callable]) -> str:
    """Hash of everything besides the docs files that the built site depends on."""
    import material
    import mkdocs
    h = hashlib.sha256(repr((offline, strict, [s.__qualname__ for s in steps],
                             mkdocs.__version__, material.__version__)).encode())
    for root in KEY_FILES:
        for path in sorted([root] if root.is_file() else root.rglob("*")):
            if path.is_file():
                h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def digest(path: str, data: bytes) -> str:
    """Hash of a docs file's content. A workbook is a zip whose entries carry
    the time of writing, and openpyxl stamps docProps/core.xml with it: hash
    the other entries' names and bytes, so an unchanged table is not rebuilt."""
    h = hashlib.blake2b(digest_size=16)
    if path.endswith(".xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            for name in sorted(n for n in book.namelist() if n != "docProps/core.xml"):
                h.update(name.encode() + b"\0" + book.read(name))
    else:
        h.update(data)
    return h.hexdigest()


def page_output(path: str) -> str | None:
    """Where MkDocs writes a docs file with directory URLs (None for what it
    does not copy)."""
    p = PurePosixPath(path)
    if p.name.startswith("."):
        return None
    if p.suffix != ".md":
        return path
    if p.stem in ("index", "README"):
        return str(p.with_name("index.html"))
    return str(p.with_suffix("") / "index.html")


def _location(output: str) -> str:
    """The search index location of a page written to `output`."""
    return output[: -len("index.html")] if output.endswith("index.html") else output


def _sort_key(path: str):
    """MkDocs' file order (index first, folders last), for the merged search index."""
    parts = PurePosixPath(path).parts
    return parts[:-1], PurePosixPath(path).stem != "index", parts[-1]


def _previous(output: Path, docs_target: Path, key: str) -> dict[str, str] | None:
    """The docs hashes of the previous build of `output` when it can be reused."""
    try:
        state = json.loads((docs_target / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("key") != key or state.get("output") != str(output) or not output.is_dir():
        return None
    return state["files"]


def _link_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, copy_function=os.link, symlinks=True)


def _remove_output(site_dir: Path, output: str | None) -> None:
    """A page's or file's output and its precompressed copies; empty folders too."""
    if output is None:
        return
    target = site_dir / output
    for path in (target, target.with_name(target.name + ".gz"), target.with_name(target.name + ".br")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    folder = target.parent
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _merge_search_index(old_site: Path, site_dir: Path, paths: list[str], rebuilt: set[str]) -> None:
    """Material's search plugin indexes only the pages a dirty build renders:
    add the entries of the pages kept from the previous build, in page order."""
    old_file, new_file = old_site / SEARCH_INDEX, site_dir / SEARCH_INDEX
    if not old_file.is_file() or not new_file.is_file():
        return
    old, new = (json.loads(f.read_text(encoding="utf-8")) for f in (old_file, new_file))
    groups: dict[str, list] = {}
    for source, fresh in ((old, False), (new, True)):
        for entry in source["docs"]:
            page = entry["location"].split("#")[0]
            if fresh or page not in rebuilt:
                groups.setdefault(page, []).append(entry)
    pages = [_location(page_output(p)) for p in sorted(paths, key=_sort_key) if p.endswith(".md")]
    new["docs"] = [entry for page in pages for entry in groups.get(page, [])]
    os.unlink(new_file)
    new_file.write_text(json.dumps(new, separators=(",", ":"), default=str), encoding="utf-8")  # as Material writes it


def _prepare_incremental(files: dict[str, bytes], hashes: dict[str, str], previous: dict[str, str],
                         old_docs: Path, old_site: Path, docs_dir: Path, site_dir: Path) -> set[str]:
    """Work folders linked to the previous build, minus the outputs of changed
    and removed files; returns the changed and removed docs paths."""
    changed = {p for p, h in hashes.items() if previous.get(p) != h}
    removed = set(previous) - set(hashes)
    for path, data in files.items():
        if path in changed:
            _write(docs_dir / path, data)
        else:
            (docs_dir / path).parent.mkdir(parents=True, exist_ok=True)
            os.link(old_docs / path, docs_dir / path)
    _link_tree(old_site, site_dir)
    for path in changed | removed:
        _remove_output(site_dir, page_output(path))
    return changed | removed


def build(content_dir: Path, output: Path, offline: bool = False, strict: bool = True,
          corpus: Corpus | None = None, templates: Path = TEMPLATES,
          steps: Sequence[Callable[[Path, Corpus, bool], None]] = POST_BUILD,
          incremental: bool = True, timings: dict | None = None) -> Corpus:
    """Build the site into `output`; on any failure `output` stays as it was.
    With `incremental`, reuse the previous build of `output` where its inputs
    are unchanged. `timings` (if given) receives seconds per phase and the
    number of docs files rebuilt."""
    timings = {} if timings is None else timings
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = timings.get(name, 0.0) + now - clock
        clock = now

    output = Path(output).resolve()
    docs_target = output.parent / "build" / "docs"
    corpus = corpus or load_corpus(Path(content_dir))
    lap("load")
    files = docs_files(corpus, templates)
    hashes = {path: digest(path, data) for path, data in files.items()}
    key = build_key(offline, strict, steps)
    # The file:// variant's offline plugin inlines the search index: always built in full.
    previous = _previous(output, docs_target, key) if incremental and not offline else None
    lap("pages")
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
    try:
        docs_dir, site_dir = work / "docs", work / "site"
        if previous is None:
            for path, data in files.items():
                _write(docs_dir / path, data)
            timings["rebuilt"] = len(files)
        else:
            rebuilt = _prepare_incremental(files, hashes, previous, docs_target, output, docs_dir, site_dir)
            timings["rebuilt"] = len(rebuilt)
        lap("write")
        run_mkdocs(docs_dir, site_dir, offline, strict, dirty=previous is not None)
        if previous is not None:
            _merge_search_index(output, site_dir, list(files),
                                {_location(page_output(p)) for p in rebuilt if p.endswith(".md")})
        lap("mkdocs")
        for step in steps:
            step(site_dir, corpus, offline)
            lap(step.__name__.strip("_"))
        (docs_dir / STATE).write_text(json.dumps({"key": key, "output": str(output), "files": hashes}),
                                      encoding="utf-8")
        # Without a state file the next build is a full one: safe if we stop between the swaps.
        (docs_target / STATE).unlink(missing_ok=True)
        _swap(site_dir, output)
        _swap(docs_dir, docs_target)
        lap("swap")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return corpus
