"""What a build leaves for the next one, and when the next one may reuse it.

One fingerprint says what a build depends on besides the content files, in
three parts, so that each cache is dropped exactly when what it holds could
differ:

    parse       the code                  the parsed-YAML cache (yamlio.Cache) is keyed by it
    generation  the code, templates, the  every page is made again (else pages/deps.py says
                global registries, today  which pages read the content that changed)
    render      the code, mkdocs.yml,     every page is rendered again by MkDocs (else only
                site_config, MkDocs and   those whose Markdown bytes changed: templates and
                Material, the options     the date reach the HTML only through the Markdown)

The state file (in the docs folder; MkDocs skips dot files) records the
render part, the docs files' hashes, the spec that made each file, and the
world digests (pages/deps.py) of the build that made them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from generator.build.config import MKDOCS_YML, ROOT, SITE_CONFIG
from generator.pages import Generated, deps
from generator.pages.deps import digest_of
from generator.pages.render import Spec
from generator.pages.views import XlsxDownload

STATE = ".policykb-build.json"
CODE = ROOT / "generator"
GLOBAL_CONTENT = ("jurisdictions.yml", "metrics.yml")


def _files(*roots: Path) -> list:
    """Name and bytes of every file under `roots`, in a stable order."""
    found = []
    for root in roots:
        for path in sorted([root] if root.is_file() else root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                found += [str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path), path.read_bytes()]
    return found


@dataclass(frozen=True)
class Fingerprint:
    parse: str
    generation: str
    render: str


def code_key() -> str:
    """The parse part alone: what `policykb check` and the loader need."""
    return digest_of(*_files(CODE))


def fingerprint(parse: str, content_dir: Path, templates: Path, today, options: tuple) -> Fingerprint:
    """The three parts (module docstring), from the parse part (code_key, which
    the loader's cache needed first). `options`: whatever else changes the HTML
    (offline, strict, the post-build steps)."""
    import material
    import mkdocs
    registries = [Path(content_dir) / name for name in GLOBAL_CONTENT]
    generation = digest_of(parse, today, *_files(Path(templates), *[p for p in registries if p.is_file()]))
    render = digest_of(parse, options, mkdocs.__version__, material.__version__, *_files(MKDOCS_YML, SITE_CONFIG))
    return Fingerprint(parse, generation, render)


def digest(data: bytes | XlsxDownload) -> str:
    """Hash of a docs file's content; of a workbook, its data (the writer stamps
    the time of writing into the file, and rendering is what a rebuild saves)."""
    if isinstance(data, XlsxDownload):
        return data.digest()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass
class State:
    render: str                  # Fingerprint.render of the build that wrote it
    output: str                  # the site folder it built
    generation: str              # Fingerprint.generation
    files: dict[str, str]        # docs path -> digest
    made_by: dict[str, str]      # docs path -> key of the spec that made it
    world: dict[str, str]        # pages/deps.py world key -> digest

    def save(self, docs_dir: Path) -> None:
        (docs_dir / STATE).write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def previous(cls, docs_dir: Path, output: Path, fp: Fingerprint) -> State | None:
        """The state of the previous build of `output` when it can be reused."""
        try:
            state = cls(**json.loads((docs_dir / STATE).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None
        if state.render != fp.render or state.output != str(output) or not output.is_dir():
            return None
        return state

    def keeper(self, fp: Fingerprint, now: dict[str, str]) -> Callable[[Spec], bool]:
        """Which specs the previous build made from the same inputs: same
        generation, and none of the world keys they read changed."""
        if self.generation != fp.generation:
            return lambda spec: False
        changed = deps.changed(self.world, now)
        known = set(self.made_by.values())
        return lambda spec: spec.key in known and spec.deps.isdisjoint(changed)


def forget(docs_dir: Path) -> None:
    """Make the next build a full one (its docs no longer match the site)."""
    (docs_dir / STATE).unlink(missing_ok=True)


def kept(made: Generated, state: State | None) -> tuple[dict[str, str], dict[str, str]]:
    """(hash, spec) of every docs file: those made now, and those of the
    specs kept, as the previous build recorded them."""
    hashes = {path: digest(data) for path, data in made.files.items()}
    made_by = dict(made.made_by)
    for path, key in (state.made_by.items() if state else ()):
        if key in made.kept:
            hashes[path], made_by[path] = state.files[path], key
    return hashes, made_by
