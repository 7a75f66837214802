"""MkDocs hooks (mkdocs.yml `hooks:`).

The header box searches our own index (generator/search.py, which reads the
built HTML). Material's search plugin stays enabled, as its header box needs
it, but indexes no page: its index would be the site's largest file (15 MB
for the seed corpus, growing with it), never fetched, and parsing every page
for it is a large part of the MkDocs run."""


def on_page_markdown(markdown, page, **kwargs):
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


# Plain `mkdocs build` (after `policykb build` has written build/docs) makes the
# same site, search index included; `policykb build` indexes after MkDocs itself,
# incrementally, and says so in POLICYKB_BUILD.
_pages: list[str] = []


def on_pre_build(config, **kwargs):
    _pages.clear()


def on_page_context(context, page, config, **kwargs):
    _pages.append(page.file.src_uri)
    return context


def on_post_build(config, **kwargs):
    import os
    from pathlib import Path
    if os.environ.get("POLICYKB_BUILD"):
        return
    from generator import site
    from generator.model import load_corpus
    from generator.search import build_search, search_inputs
    corpus = load_corpus(Path(config.config_file_path).parent / "content")
    pages = sorted(set(_pages), key=site._sort_key)
    build_search(Path(config.site_dir), [site.page_location(p, False) for p in pages],
                 compress=False, **search_inputs(corpus))
