"""policykb: Chinese policy gazettes -> structured YAML -> cross-linked static site.

Pipeline (one module per stage, data flowing one way):
    importer/   raw gazette text -> document YAML in content/   (readers)
    schema.py   the one content model: every record, its checks, construction and export
    model.py    content/ -> Corpus with cross indexes            (contents)
    pages/      one generator per page kind -> Markdown          (generators)
    site.py     Markdown -> mkdocs build -> atomic swap of site/ (writers)
"""

__version__ = "0.1.0"
