"""Writer: content/ -> Markdown -> mkdocs -> site/, swapped in only on success.

All work happens in a temporary folder beside the output (same file system,
so the final step is a rename): docs/ gets the Markdown pages, the CSS and
data.json; MkDocs (strict: any warning fails) builds site/ there; the
post-build steps run on it; then site/ replaces the output folder and docs/
replaces build/docs beside it (what mkdocs.yml's docs_dir names, so a plain
`mkdocs build` works afterwards). Any failure leaves both untouched.

Incremental builds. Only the pages that read what changed are generated
again (generator/pages/deps.py: the state file keeps the digests of the
world keys each page reads, and the spec that made each file), and only
files whose bytes changed are rebuilt: build/docs keeps a state file (hash of every
docs file, and a key of everything else a page's HTML depends on: mkdocs.yml,
the theme overrides, the post-build code). When the key matches, the work
folders start as hard links to the previous docs and site (the folders the
build before replaced, kept as spares and synced, or new copies), the outputs of
changed and removed pages are deleted, and MkDocs runs in dirty mode, which
renders exactly the pages whose output is missing. The nav is fixed in
mkdocs.yml and a page's HTML depends only on its own Markdown, so this equals
a full build. Hard links are shared with the live site, so nothing may write
into an existing file: MkDocs' writers unlink first (_fresh_inodes), the
search step writes new files, and each .gz is renamed into place.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Sequence

import yaml

from generator import postprocess
from generator.errors import PolicyError
from generator.lock import build_lock
from generator.model import Corpus, load_corpus
from generator.pages import Generated, deps, generate
from generator.pages.render import TEMPLATES, Spec
from generator.pages.views import XlsxDownload
from generator.parallel import fork_map, shared
from generator.yamlio import Cache

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"
SITE_CONFIG = ROOT / "site_config"
CSS_DIR = "css"          # docs/css/*.css, as listed in mkdocs.yml extra_css
STATE = ".policykb-build.json"   # in docs/; MkDocs skips dot files
TREES = "trees.pickle"           # in build/: what the live and spare folders hold (_record)
PARTS = os.cpu_count() or 1      # MkDocs runs at once (run_mkdocs_parallel)
WRITE_CHUNK = 64                 # docs files a writer process takes at a time (_write)
# What a page's HTML depends on besides its Markdown (the templates reach the
# HTML only through the Markdown, which is compared byte for byte), and what
# renders a workbook (compared by its data, not its bytes).
KEY_FILES = [MKDOCS_YML, SITE_CONFIG, ROOT / "generator" / "site.py", ROOT / "generator" / "search.py",
             ROOT / "generator" / "postprocess.py", ROOT / "generator" / "pages" / "markdown_ext.py",
             ROOT / "generator" / "pages" / "views.py"]


@dataclass
class Built:
    """What the post-build steps work on: the freshly built site folder."""
    site_dir: Path
    corpus: Corpus
    offline: bool
    pages: list[str]                # every page's location, in MkDocs' order
    changed: set[str] | None        # locations this run rendered; None: all (a full build)
    seen: dict[str, tuple]          # search.page_facts of the pages this run rendered, by path in the site


def _offline_shim(built: Built) -> None:
    if built.offline:
        postprocess.install_offline_shim(built.site_dir)


def _search(built: Built) -> None:
    from generator.search import build_search, search_inputs
    build_search(built.site_dir, built.pages, changed=built.changed, known=built.seen, compress=not built.offline,
                 **search_inputs(built.corpus))


# Run in order on the freshly built site folder before it is swapped in.
POST_BUILD: list[Callable[[Built], None]] = [_search, _offline_shim]


def docs_files(corpus: Corpus, templates: Path = TEMPLATES,
               keep: Callable[[Spec], bool] = lambda spec: False) -> Generated:
    """The files of docs/ (the Markdown pages, the CSV / XLSX downloads and
    data.json, and the site CSS), but those of specs `keep` keeps. Workbooks stay
    data until written."""
    made = generate(corpus, templates, keep)
    made.files = {path: text.encode("utf-8") if isinstance(text, str) else text
                  for path, text in made.files.items()}
    for css in sorted(SITE_CONFIG.glob("*.css")):
        made.files[f"{CSS_DIR}/{css.name}"] = css.read_bytes()    # always: not made from the corpus
    return made


def _write(docs_dir: Path, files: dict[str, bytes | XlsxDownload]) -> None:
    """Write docs files on every core, each workbook rendered where it is
    written (2 ms a book; creating a file costs 0.1-0.25 ms of system time)."""
    for folder in sorted({(docs_dir / path).parent for path in files}):
        folder.mkdir(parents=True, exist_ok=True)
    paths = sorted(files)
    chunks = [paths[k:k + WRITE_CHUNK] for k in range(0, len(paths), WRITE_CHUNK)]
    list(fork_map(_write_chunk, [docs_dir] * len(chunks), chunks, min_items=4, share=files))


def _write_chunk(docs_dir: Path, paths: list[str]) -> None:
    files = shared()
    for path in paths:
        data = files[path]
        (docs_dir / path).write_bytes(data.render() if isinstance(data, XlsxDownload) else data)


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
def _fresh_inodes(seen: Seen):
    """Make MkDocs' two writers unlink their target first, so a hard link shared
    with the live site is replaced, never written through; hand each file
    MkDocs writes (pages, the sitemap: from memory) or copies (static files)
    to `seen` as well."""
    from mkdocs import utils

    def unlinking(write, then):
        def wrapper(source, output_path, *args, **kwargs):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(output_path)
            write(source, output_path, *args, **kwargs)
            then(source, output_path)
        return wrapper

    saved = utils.write_file, utils.copy_file
    utils.write_file, utils.copy_file = unlinking(saved[0], seen), unlinking(saved[1], seen.copied)
    try:
        yield
    finally:
        utils.write_file, utils.copy_file = saved


class Seen:
    """What is done with each file MkDocs writes while it is still in memory
    (reading every page back afterwards was a pass of its own): a page's
    search facts, kept by path in the site; the .gz copy of a text file,
    unless `offline`."""

    def __init__(self, site_dir: Path, offline: bool):
        self.site_dir, self.offline = str(site_dir), offline
        self.pages: dict[str, tuple] = {}

    def __call__(self, data: bytes, output_path: str) -> None:
        from generator.search import page_facts
        if output_path.endswith(".html"):
            self.pages[os.path.relpath(output_path, self.site_dir)] = page_facts("", data.decode("utf-8"))
        if not self.offline:
            postprocess.write_gz(Path(output_path), data)

    def copied(self, source: str, output_path: str) -> None:
        path = Path(output_path)
        # write_gz skips other files too, but only after they are read: fonts, images, workbooks
        if not self.offline and path.suffix in postprocess.TEXT_SUFFIXES:
            postprocess.write_gz(path, path.read_bytes())


@contextlib.contextmanager
def _selected(pages: Callable[[str], bool] | None, pages_only: bool, rendered: list):
    """In a dirty build, MkDocs renders the pages whose File.is_modified():
    make that exactly those `pages` takes (asked once per page, in MkDocs'
    order; static files: as MkDocs decides, but none when `pages_only`, nor
    the theme's 404 page and sitemap); keep every page MkDocs validates, for
    its anchors."""
    from mkdocs.commands import build
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    saved = File.is_modified, Page.validate_anchor_links, build._build_theme_template
    taken: dict[str, bool] = {}     # MkDocs asks twice: to read a page, then to write it

    def is_modified(self):
        if self.is_documentation_page():
            if self.src_uri not in taken:
                taken[self.src_uri] = pages(self.src_uri)
            return taken[self.src_uri]
        return not pages_only and saved[0](self)

    def validate_anchor_links(self, *, files, log_level):
        rendered.append(self)
        return saved[1](self, files=files, log_level=log_level)

    if pages is not None:
        File.is_modified = is_modified
    if pages_only:
        build._build_theme_template = lambda *args, **kwargs: None
    Page.validate_anchor_links = validate_anchor_links
    try:
        yield
    finally:
        File.is_modified, Page.validate_anchor_links, build._build_theme_template = saved


def _anchor_facts(rendered: list) -> tuple[dict[str, list[str]], list[tuple]]:
    """(anchors of each rendered page, links from them to anchors of pages this
    run did not render): MkDocs checks only anchors of pages it rendered."""
    present = {p.file.src_uri: sorted(p.present_anchor_ids) for p in rendered if p.present_anchor_ids is not None}
    pending = [(page, to.src_uri, anchor, original)
               for page_obj in rendered if page_obj.present_anchor_ids is not None
               for page in [page_obj.file.src_uri]
               for to, links in (getattr(page_obj, "links_to_anchors", None) or {}).items()
               if to.page is None or to.page.present_anchor_ids is None
               for anchor, original in links.items()]
    return present, pending


def run_mkdocs(docs_dir: Path, site_dir: Path, offline: bool, strict: bool,
               only: set[str] | Callable[[str], bool] | None = None,
               pages_only: bool = False) -> tuple[dict, list]:
    """MkDocs with our settings; with `only`, a dirty build rendering just
    those pages (docs paths, or a test MkDocs asks of each page in turn);
    with `pages_only`, writing nothing else (nor running post-build events:
    the search plugin's empty index), so that runs at once can share
    `site_dir`. Returns _anchor_facts and the Seen pages."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    log = logging.getLogger("mkdocs")
    build_log = logging.getLogger("mkdocs.commands.build")
    collect, propagate = _Collect(), log.propagate
    log.addHandler(collect)
    log.propagate = False
    build_log.addFilter(_not_the_dirty_warning)
    rendered: list = []
    seen = Seen(site_dir, offline)
    wanted = only.__contains__ if isinstance(only, set) else only
    was = os.environ.get("POLICYKB_BUILD")
    os.environ["POLICYKB_BUILD"] = "1"     # site_config/hooks.py: the search index is ours to write, after
    try:
        config = load_config(str(MKDOCS_YML), strict=strict, **mkdocs_config(docs_dir, site_dir, offline))
        # dirty=False here: Material's search plugin would otherwise merge the
        # index of the previous build in this process (plugins persist).
        config.plugins.on_startup(command="build", dirty=False)
        if pages_only:
            config.plugins.on_post_build = lambda **kwargs: None
        try:
            with _fresh_inodes(seen), _selected(wanted, pages_only, rendered):
                mkdocs_build(config, dirty=only is not None)
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
        if was is None:
            os.environ.pop("POLICYKB_BUILD", None)
    return _anchor_facts(rendered), seen.pages


class Claims:
    """Pages shared out among MkDocs processes as they go: each renders the
    next page no process has taken yet, so all finish together however
    unevenly pages cost (a static split by Markdown bytes left one core idle
    for a quarter of the run). Made before the processes fork."""

    def __init__(self, pages: set[str]):
        self.slot = {page: n for n, page in enumerate(sorted(pages))}
        self.taken = multiprocessing.get_context("fork").RawArray("b", max(1, len(pages)))
        self.lock = multiprocessing.get_context("fork").Lock()

    def __call__(self, page: str) -> bool:
        slot = self.slot.get(page)
        if slot is None:
            return False
        with self.lock:
            if self.taken[slot]:
                return False
            self.taken[slot] = 1
        return True


def _run_part(docs_dir: Path, site_dir: Path, strict: bool, claims: Claims, send) -> None:
    """run_mkdocs of the pages it claims, in a forked process: sends its
    anchor facts and Seen pages, or a PolicyError's fields."""
    try:
        send.send(run_mkdocs(docs_dir, site_dir, False, strict, claims, pages_only=True))
    except PolicyError as exc:
        send.send((PolicyError, (exc.message, exc.file, exc.line, exc.field)))
    except BaseException as exc:
        send.send((PolicyError, (f"mkdocs build failed: {exc!r}", str(MKDOCS_YML), None, None)))


def run_mkdocs_parallel(docs_dir: Path, site_dir: Path, strict: bool, pages: set[str]) -> dict:
    """Render `pages` (docs paths) on every core: MkDocs is single-threaded,
    so further processes, forked (they inherit the claims), render into
    `site_dir` too, each the pages it takes as it goes (Claims) and nothing
    else. Anchors linked across processes are checked here. Returns the Seen
    pages of them all."""
    import mkdocs.commands.build  # noqa: F401  (imported once, before the fork)
    fork = multiprocessing.get_context("fork")
    claims = Claims(pages)
    running = []
    try:
        for _ in range(1, min(PARTS, len(pages))):
            receive, send = fork.Pipe(duplex=False)
            process = fork.Process(target=_run_part, args=(docs_dir, site_dir, strict, claims, send), daemon=True)
            process.start()
            send.close()          # the child's end: recv() then fails if the child dies
            running.append((process, receive))
        facts, seen = run_mkdocs(docs_dir, site_dir, False, strict, claims)
        facts = [facts]
        for process, receive in running:
            got = receive.recv()
            if got[0] is PolicyError:
                raise PolicyError(*got[1])
            facts.append(got[0])
            seen.update(got[1])
    finally:
        for process, _ in running:
            process.kill()
            process.join()
    _check_anchors(facts, strict)
    return seen


def _check_anchors(facts: list[tuple[dict, list]], strict: bool) -> None:
    present = {page: set(ids) for anchors, _ in facts for page, ids in anchors.items()}
    problems = [f"Doc file '{page}' contains a link '{original}', but the doc '{to}' does not contain an "
                f"anchor '#{anchor}'." for _, pending in facts for page, to, anchor, original in pending
                if to in present and anchor not in present[to]]
    if problems and strict:
        raise PolicyError("mkdocs build failed: Aborted with anchor warnings in strict mode!\n"
                          + "\n".join(f"  {m}" for m in problems), file=str(MKDOCS_YML))
    for message in problems:
        logging.getLogger("mkdocs").warning(message)


def _spare(target: Path) -> Path:
    return target.with_name(f".spare-{target.name}")


def _swap(new: Path, target: Path, keep: bool) -> None:
    """Put `new` where `target` is. With `keep` (new is target plus an edit),
    the old folder becomes the spare the next incremental build starts from
    (_work_trees). What is not kept is only renamed aside: the next build
    removes it while it works (_sweep), so no build waits on it. Should the
    last rename fail, the folder that was there is put back."""
    spare = _spare(target)
    if spare.exists():
        spare.rename(_aside(target))
    moved = None
    if target.exists():
        moved = spare if keep else _aside(target)
        target.rename(moved)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        new.rename(target)
    except OSError:
        if moved is not None:
            moved.rename(target)
        raise


def _aside(target: Path) -> Path:
    return target.with_name(f".old-{target.name}-{time.time_ns()}")


def _sweep(*targets: Path) -> None:
    """Remove, in the background, the folders earlier builds put aside (rm in
    its own process: a thread would hold the interpreter lock the build needs).
    Nobody waits for it: a 5x site's two folders take rm 3 s, more than an
    edit's build; a sweep cut short leaves the rest to the next one."""
    old = [str(p) for t in targets if t.parent.is_dir() for p in t.parent.glob(f".old-{t.name}-*")]
    if old:
        subprocess.Popen(["rm", "-rf", "--", *old], start_new_session=True, stderr=subprocess.DEVNULL)


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


def digest(data: bytes | XlsxDownload) -> str:
    """Hash of a docs file's content; of a workbook, its data (the writer stamps
    the time of writing into the file, and rendering is what a rebuild saves)."""
    if isinstance(data, XlsxDownload):
        return data.digest()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


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


def _sort_key(path: str):
    """MkDocs' file order (index first, folders last)."""
    parts = PurePosixPath(path).parts
    return parts[:-1], PurePosixPath(path).stem != "index", parts[-1]


def _previous(output: Path, docs_target: Path, key: str) -> dict | None:
    """The state of the previous build of `output` when it can be reused:
    docs hashes ("files"), the spec that made each file ("made_by"), the
    generation key and world digests (generator.pages.deps)."""
    try:
        state = json.loads((docs_target / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("key") != key or state.get("output") != str(output) or not output.is_dir():
        return None
    return state


def _keeper(state: dict | None, generation: str, now: dict[str, str]) -> Callable[[Spec], bool]:
    """Which specs the previous build made from the same inputs: same
    generation key, and none of the world keys they read changed."""
    if state is None or state.get("generation") != generation:
        return lambda spec: False
    changed = deps.changed(state["world"], now)
    known = set(state["made_by"].values())
    return lambda spec: spec.key in known and spec.deps.isdisjoint(changed)


def _kept(made: Generated, state: dict | None) -> tuple[dict[str, str], dict[str, str]]:
    """(hash, spec) of every docs file: those made now, and those of the
    specs kept, as the previous build recorded them."""
    hashes = {path: digest(data) for path, data in made.files.items()}
    made_by = dict(made.made_by)
    for path, key in (state["made_by"].items() if state else ()):
        if key in made.kept:
            hashes[path], made_by[path] = state["files"][path], key
    return hashes, made_by


def _work_trees(recorded: dict[int, dict], *pairs: tuple[Path, Path]) -> None:
    """Work folders (live, work) holding what the live ones hold, every file a
    hard link to the live one: the spare an earlier build left (_swap), moved
    here and synced, else a copy of links (coreutils' cp: 5x faster than
    copytree for the 70 000 files of a 5x site, but 4x slower than a sync)."""
    copies = [(live, work) for live, work in pairs if not _spare(live).is_dir()]
    running = _copy_links(copies)
    for live, work in pairs:
        if (live, work) not in copies:
            _spare(live).rename(work)
            _sync(work, live, recorded)
    _wait(running)


def _copy_links(pairs: list[tuple[Path, Path]]) -> list[subprocess.Popen]:
    """`cp -al source target` of each pair, at once."""
    return [subprocess.Popen(["cp", "-al", str(source), str(target)]) for source, target in pairs]


def _wait(copies: list[subprocess.Popen]) -> None:
    if any(proc.wait() for proc in copies):
        raise PolicyError(f"could not link a build's folders: {' '.join(copies[0].args)}")


def _recorded(path: Path) -> dict[int, dict]:
    """_entries of the live and spare folders as the builds that made them
    recorded them (_record), by folder inode."""
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError):
        return {}


def _record(path: Path, recorded: dict[int, dict], copied: bool, *lives: Path) -> None:
    """Record the entries of the live folders, walked now while their metadata
    is in memory, and of their spares: a copy of the live one after a full
    build (`copied`), else the live folder of the build before, recorded
    then. The next build's sync then walks neither (a walk of a 5x site takes
    0.25 s, but several seconds when its metadata was evicted)."""
    found: dict[int, dict | None] = {}
    for live in lives:
        entries = found[live.stat().st_ino] = _entries(live)
        entries.pop(STATE, None)       # unlinked before the next swap (build), so not known here
        if _spare(live).is_dir():
            inode = _spare(live).stat().st_ino
            found[inode] = entries if copied else recorded.get(inode)
    temp = path.with_name(path.name + ".tmp")
    temp.write_bytes(pickle.dumps({k: v for k, v in found.items() if v}, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temp, path)


def _entries(root: Path) -> dict[str, int | None]:
    """Every path under `root` -> its inode (None for a folder). scandir reads
    inodes with the names, so no file is stat'ed."""
    found: dict[str, int | None] = {}
    folders = [""]
    while folders:
        folder = folders.pop()
        with os.scandir(root / folder) as entries:
            for entry in entries:
                path = f"{folder}/{entry.name}" if folder else entry.name
                is_folder = entry.is_dir(follow_symlinks=False)
                found[path] = None if is_folder else entry.inode()
                if is_folder:
                    folders.append(path)
    return found


def _sync(tree: Path, like: Path, recorded: dict[int, dict]) -> None:
    """Make `tree` what `cp -al like tree` would make: what is not in `like`
    goes, and each file of `like` is linked in where `tree` lacks that very
    file (inode). Only unlinks and links: never writes through a link. The
    entries of each folder come from `recorded` (by its inode) when a build
    recorded them, else from a walk."""
    have, want = (recorded.get(folder.stat().st_ino) or _entries(folder) for folder in (tree, like))
    gone: set[str] = set()
    for path in sorted(p for p, inode in have.items() if p not in want or (inode is None) != (want[p] is None)):
        if os.path.dirname(path) not in gone:      # else it went with its folder
            if have[path] is None:
                shutil.rmtree(tree / path)
            else:
                (tree / path).unlink()
        gone.add(path)
    for path in sorted(want):           # a folder before what it holds
        if want[path] is None:
            if path in gone or path not in have:
                (tree / path).mkdir()
        elif have.get(path) != want[path] or path in gone:
            if path in have and path not in gone:
                (tree / path).unlink()
            os.link(like / path, tree / path)


def _remove_output(site_dir: Path, output: str | None) -> None:
    """A page's or file's output and its precompressed copies; empty folders too."""
    if output is None:
        return
    target = site_dir / output
    for path in (target, target.with_name(target.name + ".gz")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    folder = target.parent
    while folder != site_dir:
        try:
            folder.rmdir()      # only when empty: cheaper than listing a folder of 10 000 pages
        except OSError:
            break
        folder = folder.parent


def _prepare_incremental(files: dict[str, bytes], hashes: dict[str, str], previous: dict[str, str],
                         old_docs: Path, old_site: Path, docs_dir: Path, site_dir: Path,
                         recorded: dict[int, dict]) -> set[str]:
    """Work folders linked to the previous build, minus the outputs of changed
    and removed files; returns the changed and removed docs paths."""
    changed = {p for p, h in hashes.items() if previous.get(p) != h}
    removed = set(previous) - set(hashes)
    _work_trees(recorded, (old_docs, docs_dir), (old_site, site_dir))
    for path in changed | removed | {STATE}:       # replaced, never written through the link
        (docs_dir / path).unlink(missing_ok=True)
    _write(docs_dir, {path: files[path] for path in changed})
    for path in changed | removed:
        _remove_output(site_dir, page_output(path))
    return changed | removed


def _bookkeep(spares: bool, offline: bool, output: Path, docs_target: Path, trees: Path, recorded: dict) -> None:
    """After the site is in place: the next build's spares and records. A failure here
    only makes the next build a full one, so it is said, not raised."""
    try:
        if spares:      # the next build's spares (the file:// variant has none)
            _wait(_copy_links([(output, _spare(output)), (docs_target, _spare(docs_target))]))
        if not offline:
            _record(trees, recorded, spares, output, docs_target)
    except OSError as exc:
        (docs_target / STATE).unlink(missing_ok=True)
        print(f"warning: the site is built, but the next build will be a full one: {exc}", file=sys.stderr)


def _cpu() -> float:
    """CPU seconds of this process and of the workers it has waited for."""
    return sum(os.times()[:4])


WORK = ROOT / "build"


def build(content_dir: Path, output: Path, offline: bool = False, strict: bool = True,
          corpus: Corpus | None = None, templates: Path = TEMPLATES,
          steps: Sequence[Callable[[Built], None]] = POST_BUILD,
          incremental: bool = True, timings: dict | None = None, work: Path | None = None,
          progress: Callable[[str, float], None] | None = None) -> Corpus:
    """Build the site into `output`; on any failure `output` stays as it was.
    `work` (default: the project's build/, never derived from `output`) holds the
    Markdown, the caches and the lock: one build at a time per work folder.
    With `incremental`, reuse the previous build of `output` where its inputs
    are unchanged. `timings` (if given) receives seconds per phase and the
    number of docs files rebuilt, and the CPU seconds of each phase ("<phase> cpu");
    `progress` (if given) hears of each phase as it ends."""
    work = Path(work or WORK).resolve()
    with build_lock(work):
        try:
            return _build(content_dir, Path(output).resolve(), offline, strict, corpus, templates, steps,
                          incremental, {} if timings is None else timings, work, progress)
        except OSError as exc:      # a full disk, a folder we may not write: the path and the reason
            # a failed write() names no file: name the two folders a build writes in
            where = exc.filename or f"{Path(output).resolve().parent} (new site) or {work} (work folder)"
            raise PolicyError(f"build failed, the site is as it was: {exc.strerror or exc}", file=str(where)) from None


def _stale(output: Path) -> list[Path]:
    """Work folders of builds that were killed (a live one would hold the lock)."""
    return [p for p in output.parent.glob(f".{output.name}-*") if p.is_dir()]


def _build(content_dir: Path, output: Path, offline: bool, strict: bool, corpus: Corpus | None,
           templates: Path, steps: Sequence[Callable[[Built], None]], incremental: bool, timings: dict,
           work_root: Path, progress: Callable[[str, float], None] | None) -> Corpus:
    clock, cpu = time.perf_counter(), _cpu()

    def lap(name: str) -> None:
        nonlocal clock, cpu
        now, used = time.perf_counter(), _cpu()
        timings[name] = timings.get(name, 0.0) + now - clock
        timings[f"{name} cpu"] = timings.get(f"{name} cpu", 0.0) + used - cpu
        if progress:
            progress(name, now - clock)
        clock, cpu = now, used

    docs_target = work_root / "docs"
    trees = work_root / TREES
    for stale in _stale(output):
        shutil.rmtree(stale, ignore_errors=True)
    _sweep(output, docs_target)
    corpus = corpus or load_corpus(Path(content_dir), cache=Cache(docs_target.parent / "cache", reuse=incremental))
    # The corpus lives until the build ends: keep the collector from walking
    # its millions of objects on every full collection (and forked workers
    # from copying the pages it would touch).
    gc.freeze()
    lap("load")
    key = build_key(offline, strict, steps)
    # The file:// variant's offline plugin inlines the search index: always built in full.
    state = _previous(output, docs_target, key) if incremental and not offline else None
    generation, now = deps.generation_key(corpus, templates), deps.world(corpus)
    made = docs_files(corpus, templates, _keeper(state, generation, now))
    files = made.files
    hashes, made_by = _kept(made, state)
    previous = state and state["files"]
    recorded = _recorded(trees) if previous is not None else {}
    timings["made"], timings["kept"] = len(set(made.made_by.values())), len(made.kept)
    lap("pages")
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
    try:
        docs_dir, site_dir = work / "docs", work / "site"
        if previous is None:
            _write(docs_dir, files)
            rebuilt = set(files)
        else:
            rebuilt = _prepare_incremental(files, hashes, previous, docs_target, output, docs_dir, site_dir,
                                           recorded)
        timings["rebuilt"] = len(rebuilt)
        render = {p for p in rebuilt if p.endswith(".md") and p in files}
        pages = [page_location(p, offline) for p in sorted(hashes, key=_sort_key) if p.endswith(".md")]
        del files, made               # on disk now: a 20x corpus has 0.5 GB of Markdown
        lap("write")
        if offline:
            seen = run_mkdocs(docs_dir, site_dir, offline, strict)[1]
        else:
            seen = run_mkdocs_parallel(docs_dir, site_dir, strict, render)
        lap("mkdocs")
        changed = None if previous is None else {page_location(p, offline) for p in rebuilt if p.endswith(".md")}
        built = Built(site_dir, corpus, offline, pages, changed, seen)
        for step in steps:
            step(built)
            lap(step.__name__.strip("_"))
        (docs_dir / STATE).write_text(json.dumps({"key": key, "output": str(output), "files": hashes,
                                                  "made_by": made_by, "generation": generation,
                                                  "world": now}), encoding="utf-8")
        # Without a state file the next build is a full one: safe if we stop between the swaps.
        (docs_target / STATE).unlink(missing_ok=True)
        _swap(docs_dir, docs_target, keep=previous is not None)
        try:
            _swap(site_dir, output, keep=previous is not None)       # the one step a reader sees: last
        except OSError as exc:
            (docs_target / STATE).unlink(missing_ok=True)              # the docs no longer match the site
            raise PolicyError(f"could not put the new site in place: {exc.strerror or exc}", file=str(output)) \
                from None
        _bookkeep(previous is None and not offline, offline, output, docs_target, trees, recorded)
        lap("swap")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        gc.unfreeze()
    return corpus
