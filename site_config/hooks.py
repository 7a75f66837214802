"""MkDocs hooks (mkdocs.yml `hooks:`).

The header box searches our own index (generator/search.py, which reads the
built HTML). Material's search plugin stays enabled, as its header box needs
it, but indexes no page: its index would be the site's largest file (15 MB
for the seed corpus, growing with it), never fetched, and parsing every page
for it is a large part of the MkDocs run."""


def on_page_markdown(markdown, page, **kwargs):
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown
