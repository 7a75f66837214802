"""Python-Markdown extension for the generated pages (listed in mkdocs.yml).

md_in_html only keeps a tag as a block when Python-Markdown knows it as one;
<caption> is missing from that list, so a table's caption came out wrapped in a
<p> that also swallowed the rows after it."""

from markdown.extensions import Extension


class TableCaption(Extension):
    def extendMarkdown(self, md):
        if "caption" not in md.block_level_elements:
            md.block_level_elements.append("caption")


def makeExtension(**kwargs):
    return TableCaption(**kwargs)
