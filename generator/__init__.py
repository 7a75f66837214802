"""policykb: Chinese policy gazettes -> structured YAML -> cross-linked static site.

The pipeline, one package per stage, data flowing one way (tests/test_layout.py
holds each package to the layers below it):

    reading/   a gazette, web page, PDF or Word file -> document YAML in content/
    model/     content/ -> the Corpus and its cross indexes, declared once (schema.py)
    pages/     one generator per page kind -> Markdown, through templates/
    build/     Markdown -> MkDocs (its plugin) -> the site, swapped in whole

and the commands that drive them: cli.py, check.py, serve.py.
"""

__version__ = "0.1.0"
