"""The folders a build works in, and how a finished build is put in place.

All work happens in a temporary folder beside the output (same file system,
so the final step is a rename): docs/ gets the Markdown pages and downloads,
MkDocs builds site/ there; then site/ replaces the output folder and docs/
replaces <work>/docs. Any failure leaves both untouched.

An incremental build starts from hard links to the previous docs and site
(the folders the build before replaced, kept as spares and synced, or new
copies), minus the outputs of changed and removed files. Hard links are
shared with the live site, so nothing may write into an existing file: the
outputs MkDocs will write are unlinked first (generator.build.plugin), the
search step writes new files, and each .gz is renamed into place.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.build.config import page_output
from generator.build.state import STATE, State, forget
from generator.errors import PolicyError
from generator.pages.views import XlsxDownload
from generator.parallel import fork_map, shared

TREES = "trees.pickle"       # in the work folder: what the live and spare folders hold (_record)
WRITE_CHUNK = 64             # docs files a writer process takes at a time (write_docs)


class Workspace:
    """prepare() the work folders, commit() them in place of the published
    ones, or leave: the temporary folder goes either way (a context manager)."""

    def __init__(self, output: Path, work: Path):
        self.output, self.docs_target, self.trees = output, work / "docs", work / TREES
        self.recorded: dict[int, dict] = {}
        self.temp: Path | None = None

    @property
    def docs_dir(self) -> Path:
        return self.temp / "docs"

    @property
    def site_dir(self) -> Path:
        return self.temp / "site"

    def sweep(self) -> None:
        """Remove what earlier builds left: work folders of killed builds (a
        live one would hold the lock) now, folders put aside in the background."""
        for stale in self.output.parent.glob(f".{self.output.name}-*"):
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
        _sweep(self.output, self.docs_target)

    def __enter__(self) -> Workspace:
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.temp = Path(tempfile.mkdtemp(prefix=f".{self.output.name}-", dir=self.output.parent))
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.temp, ignore_errors=True)

    def prepare(self, files: dict, hashes: dict[str, str], previous: State | None) -> set[str]:
        """Fill the work folders; returns the docs paths whose output must be
        made (all of them without a previous build)."""
        if previous is None:
            write_docs(self.docs_dir, files)
            return set(files)
        self.recorded = _recorded(self.trees)
        changed = {p for p, h in hashes.items() if previous.files.get(p) != h}
        removed = set(previous.files) - set(hashes)
        _work_trees(self.recorded, (self.docs_target, self.docs_dir), (self.output, self.site_dir))
        for path in changed | removed | {STATE}:    # replaced, never written through the link
            (self.docs_dir / path).unlink(missing_ok=True)
        write_docs(self.docs_dir, {path: files[path] for path in changed})
        for path in changed | removed:
            _remove_output(self.site_dir, page_output(path))
        return changed | removed

    def commit(self, state: State, incremental: bool, spares: bool, record: bool) -> None:
        """Put docs, then the site in place (the one step a reader sees: last).
        `incremental`: the old folders become the next build's spares."""
        state.save(self.docs_dir)
        # Without a state file the next build is a full one: safe if we stop between the swaps.
        forget(self.docs_target)
        _swap(self.docs_dir, self.docs_target, keep=incremental)
        try:
            _swap(self.site_dir, self.output, keep=incremental)
        except OSError as exc:
            forget(self.docs_target)              # the docs no longer match the site
            raise PolicyError(f"could not put the new site in place: {exc.strerror or exc}",
                              file=str(self.output)) from None
        self._bookkeep(spares, record)

    def _bookkeep(self, spares: bool, record: bool) -> None:
        """After the site is in place: the next build's spares and records. A failure here
        only makes the next build a full one, so it is said, not raised."""
        try:
            if spares:
                _wait(_copy_links([(self.output, _spare(self.output)), (self.docs_target, _spare(self.docs_target))]))
            if record:
                _record(self.trees, self.recorded, spares, self.output, self.docs_target)
        except OSError as exc:
            forget(self.docs_target)
            print(f"warning: the site is built, but the next build will be a full one: {exc}", file=sys.stderr)


def write_docs(docs_dir: Path, files: dict[str, bytes | XlsxDownload]) -> None:
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
        entries.pop(STATE, None)       # unlinked before the next swap (commit), so not known here
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
