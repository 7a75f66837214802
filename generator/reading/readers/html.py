"""A saved web page (.html/.htm), read with lxml's HTML parser (libxml2: lenient as
browsers are, fast, BSD).

A government site prints one document inside a template: menus, breadcrumbs, a
search box, related links and a footer (主办单位, 网站标识码, 备案号) around an
article. What the reader gives the pipeline:

  1. the page's metadata (索引号, 发文机关, 文号, 成文日期, 发布日期, 主题分类, 有效性 …)
     as `label：value` lines, whether the page sets it as a table (a label cell
     and a value cell, or both in one cell) or as label:value lines; the
     pipeline's web-page stage (webpage.py) reads them into the document's
     fields as it does for a copied page. The CMS tags 政府网站发展指引 asks for
     (<meta name="ArticleTitle">, <meta name="PubDate">) stand in where the page
     prints no title or 发布日期;
  2. the article's title, unless the article itself opens with it;
  3. the article body: the block holding the most running text (sentences, not
     links), one line per paragraph, a data table as TAB rows (a cell merged by
     colspan/rowspan gives its text to its first column and row, the rest blank).

Scripts, styles, forms, navigation and footers are never read; a page with no
article text is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import PolicyError
from generator.reading import readers, webpage
from generator.reading.readers import encoding

SKIP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form",
        "select", "button", "input", "textarea", "nav", "footer", "aside", "head"}
BLOCK = {"p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
         "h4", "h5", "h6", "blockquote", "pre", "center", "address", "table", "tr", "td", "th", "tbody", "thead",
         "tfoot", "caption", "hr", "figure", "figcaption", "body", "html"}
# Template parts by their class or id, as site templates name them.
CHROME = re.compile(r"(?:^|[-_\s])(?:nav|navbar|menu|footer|foot|bottom|crumbs?|breadcrumbs?|position|location|"
                    r"share|copyright|sidebar|side|related|search|login|toolbar|links?)(?:$|[-_\s\d])", re.I)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_SENTENCE = re.compile(r"[，。；、！？]")
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|--)\s*")


def read(path: Path, data: bytes) -> readers.Reading:
    text, enc = _decode(data, path)
    from lxml import etree, html as lxml_html
    try:
        root = lxml_html.document_fromstring(_XML_DECL.sub("", text))
    except (etree.ParserError, ValueError) as exc:
        raise PolicyError(f"not a readable web page ({exc})", file=str(path)) from None
    metas = {m.get("name", "").lower(): (m.get("content") or "").strip() for m in root.iter("meta")}
    title = _title(root, metas)
    _drop_chrome(root)
    body = _article(root)
    if body is None:
        raise PolicyError("a web page with no article text (only menus, links or scripts)", file=str(path))
    meta = _metadata(root, body)
    if metas.get("pubdate") and not any(webpage.field_of(label) == "published" for label, _ in meta):
        meta.append(("发布日期", metas["pubdate"]))
    lines = [f"{label}：{value}" for label, value in meta]
    article = render(body)
    head = re.sub(r"\s", "", "".join(article[:webpage.TOP_LINES]))
    if title and re.sub(r"\s", "", title) not in head:
        lines += ["", title]
    lines += [""] + article
    out = "\n".join(lines) + "\n"
    readers.check_size(path, len(out))
    return readers.Reading(out, "html", enc, suffix=path.suffix.lower())


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """BOM or valid UTF-8 first; else the charset the page declares; else detected."""
    declared = _DECLARED.search(data[:4096])
    codec = encoding.CHINESE.get(declared.group(1).decode("ascii").lower().replace("-", "_")) if declared else None
    if codec and codec != "utf-8" and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass              # the page's declaration is wrong: detect
    return encoding.decode(data, path)


# ------------------------------------------------------------------ the template

def _title(root, metas: dict) -> str | None:
    """The article's title: <meta name=ArticleTitle>, else the page's first <h1>, else the
    longest part of <title> (a site appends its name: 关于…的通知_某某区人民政府)."""
    if metas.get("articletitle"):
        return _space(metas["articletitle"])
    h1 = next((_space(h.text_content()) for h in root.iter("h1") if _space(h.text_content())), None)
    if h1:
        return h1
    t = root.find(".//title")
    parts = _TITLE_SPLIT.split(_space(t.text_content())) if t is not None else []
    return max(parts, key=len) if parts and max(parts, key=len) else None


def _drop_chrome(root) -> None:
    for el in list(root.iter()):
        if el.getparent() is None or not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        hidden = re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", el.get("style", ""))
        if el.tag in SKIP or hidden or CHROME.search(marks) and not _holds_metadata(el):
            el.drop_tree()


def _holds_metadata(el) -> bool:
    return sum(1 for ln in render(el) if _is_metadata(ln)) >= 2


def _article(root):
    """The element the page's running text sits in: each block's own sentences count
    for it, its parent and (half) its grandparent, a data table as one block; the
    best-scored, deepest on a tie."""
    score: dict = {}

    def walk(el):
        if not isinstance(el.tag, str):
            return
        table = el.tag == "table" and _data_table(el)
        if table or el.tag in BLOCK:
            own = "\n".join(render(el)) if table else _own_text(el)
            metadata = sum(map(_is_metadata, own.split("\n"))) * 2 >= own.count("\n") + 1   # no article text
            weight = 0 if metadata else len(_SENTENCE.findall(own)) + len(own) / 100
            for k, up in enumerate([el, *list(el.iterancestors())[:2]] if weight else []):
                score[up] = score.get(up, 0) + (weight if k < 2 else weight / 2)
        if not table:
            for child in el:
                walk(child)

    walk(root)
    if not score:
        return None
    best = max(score.values())
    return max((el for el, s in score.items() if s == best), key=lambda el: len(list(el.iterancestors())))


def _own_text(el) -> str:
    """The text an element prints itself (not its blocks', not its links')."""
    if el.tag == "a":
        return ""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK and child.tag not in ("a", "br"):
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return _space("".join(parts))


def _metadata(root, body) -> list[tuple[str, str]]:
    """label：value pairs printed outside the article (a metadata table inside it stays
    where it stands: the pipeline reads it there)."""
    out: list[tuple[str, str]] = []
    for ln in render(root, skip=body):
        if _is_metadata(ln):
            out += [(label, value) for label, value in webpage.pairs(ln)
                    if value and label not in webpage.BUTTONS and (label, value) not in out]
    return out


def _is_metadata(line: str) -> bool:
    """A line of label：value pairs, no sentence (时间：…上午9时，地点：… is text)."""
    return bool(webpage.pairs(line)) and not re.search(r"[。；，]", line) and len(line) <= 200


# ------------------------------------------------------------------ rendering

def render(el, skip=None) -> list[str]:
    """An element as the lines a browser shows: a block or <br> ends a line; a data table
    gives TAB rows; a layout table (one column, or tables inside) gives its cells' lines."""
    out: list[str] = []
    buf: list[str] = []

    def flush():
        line = _space("".join(buf))
        if line:
            out.append(line)
        buf.clear()

    def walk(node):
        if node is skip or not isinstance(node.tag, str):
            return
        if node.tag == "br":
            flush()
            return
        if node.tag == "table" and _data_table(node):
            flush()
            out.extend("\t".join(row) for row in _grid(node) if any(row))
            return
        block = node.tag in BLOCK
        if block:
            flush()
        buf.append(node.text or "")
        for child in node:
            walk(child)
            buf.append(child.tail or "")
        if block:
            flush()

    walk(el)
    flush()
    return out


def _data_table(table) -> bool:
    rows = table.findall(".//tr")
    return not table.findall(".//table") and any(len(_cells(tr)) > 1 for tr in rows)


def _cells(tr) -> list:
    return [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _grid(table) -> list[list[str]]:
    """Rows of cell texts; a merged cell's text in its first row and column, the rest blank."""
    rows: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}          # (row, column) a rowspan covers
    for r, tr in enumerate(table.iter("tr")):
        row: list[str] = []
        for cell in _cells(tr):
            while (r, len(row)) in pending:
                row.append(pending.pop((r, len(row))))
            text = readers.run_together(render(cell)).replace("\t", " ")
            span = _span(cell, "colspan")
            for k in range(1, _span(cell, "rowspan")):
                for c in range(span):
                    pending[(r + k, len(row) + c)] = ""
            row += [text] + [""] * (span - 1)
        while (r, len(row)) in pending:
            row.append(pending.pop((r, len(row))))
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _span(cell, name: str) -> int:
    value = re.match(r"\s*(\d+)", cell.get(name, "") or "")
    return max(1, min(int(value.group(1)), 100)) if value else 1


def _space(s: str) -> str:
    """HTML white space: a line break in the source between two CJK characters is
    nothing (as browsers set Chinese), other runs one space; an indent's ideographic
    spaces stay."""
    s = re.sub(f"(?<={_CJK.pattern})[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?={_CJK.pattern})", "", s)
    return re.sub(r"[ \t\r\n\f\xa0]+", " ", s).strip(" ")
