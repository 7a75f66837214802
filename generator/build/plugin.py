"""The site's MkDocs plugin (mkdocs.yml `plugins: - policykb`), the build's
seams in MkDocs' own events, as Pelican's signals are its.

Plain `mkdocs build` or `mkdocs serve`: `on_files` adds every page made from
content/ (File.generated: no docs folder on disk) and `on_post_build` writes
the search index: the site `policykb build` makes, without the .gz copies.

Under `policykb build` (generator.build.render hands the plugin a Session):
the pages are already in the docs folder, where an incremental build links
them from the build before (generated files would all count as changed in a
dirty build); `on_files` makes the pages the session claims the only ones
rendered, and clears the way for MkDocs' writers (a file shared by hard link
with the live site is unlinked, never written through); `on_post_page`
keeps each page's search facts and writes its .gz while the HTML is in
memory; the build writes the search index afterwards, incrementally.

Every page is left out of Material's own search index (`on_page_markdown`):
the header box searches ours (generator/build/search.py); Material's would be the
site's largest file, never fetched, and parsing every page for it is a large
part of the MkDocs run.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from generator.build import hosting
from generator.build.config import page_location, sort_key
from generator.errors import PolicyError

SEARCH_PLUGIN_INDEX = "search/search_index.json"    # Material's, left empty (on_page_markdown)


class _Claimed(File):
    """A page rendered only by the process that claims it first (the first
    ask decides: MkDocs asks once to read a page, once to write it)."""
    claims = staticmethod(lambda src_uri: True)

    def is_modified(self) -> bool:
        if "_taken" not in self.__dict__:
            self._taken = self.claims(self.src_uri)
        return self._taken


class _Unchanged(File):
    """A static file a further process leaves to the first one."""

    def is_modified(self) -> bool:
        return False


def _as(cls: type, file: File, dest_dir: str, claims=None) -> File:
    new = cls(file.src_path, file.src_dir, dest_dir, file.use_directory_urls, dest_uri=file.dest_uri,
              inclusion=file.inclusion)
    if claims is not None:
        new.claims = claims
    return new


@contextlib.contextmanager
def _as_plugin_error():
    """Bad content under plain `mkdocs build`: MkDocs prints a PluginError's
    message (file, line, field) and exits 1, where any other error is a traceback."""
    try:
        yield
    except PolicyError as exc:
        raise PluginError(str(exc)) from None


class PolicyKBPlugin(BasePlugin):
    # generate: false uses the docs folder as it is (Markdown a `policykb build` left), the
    # search index still made from content/
    config_scheme = (("content", config_options.Type(str, default="content")),
                     ("generate", config_options.Type(bool, default=True)))

    def __init__(self):
        super().__init__()
        self.session = None        # generator.build.render.Session, under `policykb build`
        self.corpus = None         # the corpus a plain `mkdocs build` made its pages from
        self.pages: list[str] = []  # ... and those pages (docs paths)
        self.copied: list[File] = []

    def _content_dir(self, config) -> Path:
        return Path(config.config_file_path).parent / self.config["content"]

    def on_files(self, files: Files, config) -> Files:
        if self.session is None:
            return self._generated(files, config)
        session = self.session
        pages_dir = str(session.pages_dir or config.site_dir)
        out, self.copied = [], []
        for file in files:
            if file.is_documentation_page():
                out.append(_as(_Claimed, file, pages_dir, session.claims) if session.claims else file)
            elif session.worker:
                out.append(_as(_Unchanged, file, file.dest_dir))
            else:
                if file.is_modified():
                    Path(file.abs_dest_path).unlink(missing_ok=True)
                    self.copied.append(file)
                out.append(file)
        return Files(out)

    def _generated(self, files: Files, config) -> Files:
        from generator.build.docs import docs_files
        from generator.model import load_corpus
        with _as_plugin_error():
            self.corpus = load_corpus(self._content_dir(config))
            if self.config["generate"]:
                for path, data in docs_files(self.corpus).files.items():
                    content = data if isinstance(data, bytes) else data.render()
                    files.append(File.generated(config, path, content=content))
        self.pages = sorted((f.src_uri for f in files.documentation_pages()), key=sort_key)
        return files

    def on_env(self, env, config, files):
        """What MkDocs writes on every run besides pages and static files, the
        theme's own pages (404, sitemap) and the search plugin's index, is
        unlinked before it is written."""
        if self.session is not None and not self.session.worker:
            for path in [*config.theme.static_templates, "sitemap.xml.gz", SEARCH_PLUGIN_INDEX]:
                (Path(config.site_dir) / path).unlink(missing_ok=True)
        return env

    def on_page_markdown(self, markdown, page, **kwargs):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    @event_priority(-100)      # after every plugin that may change the HTML
    def on_post_page(self, output: str, page, config) -> str:
        session = self.session
        if session is not None:
            from generator.build.search import page_facts
            session.facts[page.file.dest_uri] = page_facts("", output)
            session.rendered.append(page)
            if session.compress:
                path = Path(page.file.abs_dest_path)
                path.parent.mkdir(parents=True, exist_ok=True)     # MkDocs makes it only when it writes the page
                hosting.write_gz(path, output.encode("utf-8", errors="xmlcharrefreplace"))
        # MkDocs keeps every page to the end of the build, read for nothing more once
        # written: its Markdown and HTML freed now (a third of a 5x build's peak memory).
        page.markdown = page.content = None
        return output

    def on_post_build(self, config) -> None:
        site = Path(config.site_dir)
        if self.session is None:
            from generator.build.search import build_search, search_inputs
            with _as_plugin_error():
                build_search(site, [page_location(p, False) for p in self.pages], compress=False,
                             **search_inputs(self.corpus))
        elif self.session.compress and not self.session.worker:
            written = [Path(f.abs_dest_path) for f in self.copied]
            # the theme's pages, but the sitemap, of which MkDocs writes a .gz itself
            written += [site / name for name in config.theme.static_templates
                        if (site / name).is_file() and not (site / f"{name}.gz").exists()]
            for path in written:
                # write_gz skips other files too, but only after they are read: fonts, images, workbooks
                if path.suffix in hosting.TEXT_SUFFIXES:
                    hosting.write_gz(path, path.read_bytes())

    def on_serve(self, server, config, builder):
        """A plain `mkdocs serve` rebuilds when content/ changes."""
        server.watch(str(self._content_dir(config)))
        return server

