"""A text as the pages a government web site posts: one page per document (a notice
with the policies it issues), inside the site's template.

Two templates, as sites are built:

* a current CMS page (UTF-8): header, navigation menu, breadcrumbs, a metadata
  table (索引号, 主题分类, 发文机关, 成文日期, 标题, 文号, 发布日期, 有效性; label
  cells beside value cells), the article (<h1> title, a 发布时间/来源/字号 line, the
  text in <p> paragraphs, the document's title repeated at its head as editors
  paste it, data tables with rowspans), share buttons, related links, a footer
  (主办单位, 网站标识码, 备案号), the CMS <meta> tags (ArticleTitle, PubDate) and scripts;
* an older table-layout page (GB18030, charset declared gb2312): the metadata as
  `label：value` items of a list, the text in one cell with <br> line breaks and
  &nbsp; indents, the title only in the page's heading.

The metadata table holds what the text's own import found (文号, issuer, date), so
a page must import to the same documents and items as the text.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

from bench.formats.layout import Block, blocks, merges

SITE = "某某区人民政府"
MENU = ["首页", "政务公开", "政务服务", "互动交流", "走进某某", "专题专栏"]
RELATED = ["关于进一步优化营商环境的若干措施", "某某区2022年政府工作报告", "关于做好防汛工作的通知"]


def render(raw: str, documents: list[dict], out_dir: Path, stem: str, template: int = 0) -> list[Path]:
    """One page per top-level document of `raw` (as `documents`, its text import, places
    them); the pages written, alternately in the two templates (`template`: 0 the current
    one first, 1 the older one)."""
    laid = blocks(raw)
    tops = [d for d in documents if d["parent"] is None]
    written = []
    for k, doc in enumerate(tops):
        first, last = _extent(doc, documents)
        own = [b for b in laid if first <= b.line <= last and b.kind != "plain"]
        if not own:
            continue
        page = (_modern if (k + template) % 2 == 0 else _legacy)(doc, own, random.Random(f"{stem}-{k}"))
        path = out_dir / f"{stem}-{k + 1:02d}.html"
        path.write_bytes(page)
        written.append(path)
    return written


def _extent(doc: dict, documents: list[dict]) -> tuple[int, int]:
    """The text lines of a document and the policies it issues."""
    mine = [doc] + [d for d in documents if d["parent"] == doc["id"]]
    return doc["source"]["line_start"], max(d["source"]["line_end"] for d in mine)


def _values(doc: dict, rng: random.Random) -> dict[str, str]:
    published = _later(doc.get("date"), rng)
    return {"索引号": f"11370303MB{rng.randrange(10**6):06d}/{(doc.get('date') or '2022')[:4]}-{rng.randrange(999):05d}",
            "主题分类": "综合政务\\其他", "发文机关": doc.get("issuer") or "", "成文日期": _cn_date(doc.get("date")),
            "标题": doc["title"], "文号": doc.get("doc_number") or "", "发布日期": _cn_date(published),
            "有效性": "有效", "_published": published or ""}


def _later(date: str | None, rng: random.Random) -> str | None:
    """A page goes up a few days after the document is signed."""
    if not date:
        return None
    import datetime as dt
    return (dt.date.fromisoformat(date) + dt.timedelta(days=rng.randrange(1, 9))).isoformat()


def _cn_date(iso: str | None) -> str:
    return f"{iso[:4]}年{iso[5:7]}月{iso[8:10]}日" if iso else ""


def _e(s: str) -> str:
    return html.escape(s, quote=True)


# ------------------------------------------------------------------ a current CMS page

def _modern(doc: dict, own: list[Block], rng: random.Random) -> bytes:
    v = _values(doc, rng)
    menu = "".join(f'<li><a href="/col{i}/">{_e(m)}</a></li>' for i, m in enumerate(MENU))
    meta_rows = [("索引号", "主题分类"), ("发文机关", "成文日期"), ("标题",), ("文号", "发布日期"), ("有效性",)]
    table = "".join(
        "<tr>" + "".join(f'<th>{label}：</th><td{" colspan=3" if len(row) == 1 else ""}>{_e(v[label])}</td>'
                         for label in row) + "</tr>" for row in meta_rows)
    body = "\n".join(_block_html(b) for b in own)
    related = "".join(f'<li><a href="/art/{i}.html">{_e(t)}</a><span>2022-0{i + 1}-1{i}</span></li>'
                      for i, t in enumerate(RELATED))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="SiteName" content="{SITE}"><meta name="SiteIDCode" content="3703030001">
<meta name="ColumnName" content="政策文件"><meta name="ArticleTitle" content="{_e(doc['title'])}">
<meta name="PubDate" content="{v['_published']}"><meta name="ContentSource" content="{_e(v['发文机关'])}">
<title>{_e(doc['title'])}_{SITE}</title>
<link rel="stylesheet" href="/css/main.css"><style>.xxgk-table th{{width:12%}} #zoom p{{text-indent:2em}}</style>
<script src="/js/jquery.min.js"></script><script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head><body>
<div class="top-bar"><span>欢迎访问{SITE}门户网站</span><a href="/wza/">无障碍</a><a href="/en/">English</a></div>
<header class="header"><div class="logo"><img src="/img/logo.png" alt="{SITE}">{SITE}</div>
<div class="search-box"><form action="/search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></div></header>
<nav class="main-nav"><ul>{menu}</ul></nav>
<div class="container">
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a></div>
<div class="xxgk-table"><table class="meta">{table}</table></div>
<div class="article">
<h1 class="article-title">{_e(doc['title'])}</h1>
<div class="article-info">发布时间：{v['_published']} {"来源：" + _e(v['发文机关']) if v['发文机关'] else ""} 【字体：<a>大</a> <a>中</a> <a>小</a>】 <a href="javascript:window.print()">打印</a></div>
<div class="TRS_Editor" id="zoom">
{body}
</div>
<div class="share-bar">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>
</div>
<div class="related-links"><h3>相关文件</h3><ul>{related}</ul></div>
</div>
<footer class="footer"><p>主办单位：{SITE}办公室　承办单位：{SITE}大数据中心</p>
<p>地址：某某区人民路1号　联系电话：0533-1234567</p>
<p>网站标识码：3703030001　<a href="https://beian.miit.gov.cn">鲁ICP备05012345号-1</a>　<a>鲁公网安备 37030302000123号</a></p>
<p><a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a> | <a>政府网站找错</a></p></footer>
<script>$(function(){{ $('.share-bar a').click(function(){{ return false; }}); }});</script>
</body></html>
"""
    return page.encode("utf-8")


def _block_html(b: Block) -> str:
    if b.kind == "table":
        head = "".join(f"<th>{_e(c)}</th>" for c in b.header)
        merged = merges(b.rows)
        rows = []
        for r, row in enumerate(b.rows):
            cells = []
            for k, c in enumerate(row):
                if merged[r][k]:
                    continue
                span = 1
                while r + span < len(b.rows) and merged[r + span][k]:
                    span += 1
                cells.append(f'<td{f" rowspan={span}" if span > 1 else ""}>{_e(c)}</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return f'<table border="1" cellspacing="0">\n<tr>{head}</tr>\n' + "\n".join(rows) + "\n</table>"
    align = {"title": "center", "letterhead": "center", "number": "center", "right": "right"}.get(b.kind)
    style = f' style="text-align:{align}"' if align else ""
    text = _e(b.text)
    if b.kind in ("body", "heading"):
        text = "\u3000\u3000" + text
    if b.kind in ("title", "heading"):
        text = f"<strong>{text}</strong>"
    return f"<p{style}>{text}</p>"


# ------------------------------------------------------------------ an older table-layout page

def _legacy(doc: dict, own: list[Block], rng: random.Random) -> bytes:
    v = _values(doc, rng)
    if own and own[0].kind == "title":
        own = own[1:]                 # the title stands in the page's heading only
    items = "".join(f"<li><b>{label}：</b>{_e(v[label])}</li>"
                    for label in ("索引号", "发文机关", "文号", "成文日期", "发布日期", "主题分类", "有效性"))
    parts = []
    for b in own:
        if b.kind == "table":
            parts.append(_block_html(b))
        else:
            indent = "&nbsp;" * 8 if b.kind in ("body", "heading") else ""
            parts.append(f"{indent}{_e(b.text)}<br>")
    menu = " | ".join(f'<a href="/l{i}.htm">{_e(m)}</a>' for i, m in enumerate(MENU))
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{SITE}--{_e(doc['title'])}</title></head>
<body><table width="980" align="center"><tr><td class="banner"><img src="/images/banner.jpg"></td></tr>
<tr><td class="menu">{menu}</td></tr>
<tr><td>您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/xxgk/">信息公开</a> &gt;&gt; 正文</td></tr></table>
<table width="980" align="center"><tr><td width="200" valign="top" class="left">
<table><tr><td><a href="/a.htm">机构职能</a></td></tr><tr><td><a href="/b.htm">政策法规</a></td></tr><tr><td><a href="/c.htm">规划计划</a></td></tr></table>
</td><td valign="top">
<ul class="xxgk_info">{items}</ul>
<table width="100%"><tr><td align="center" class="title"><b>{_e(doc['title'])}</b></td></tr>
<tr><td class="bt_content">
{"".join(parts)}
</td></tr></table>
<div align="center">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</td></tr></table>
<table width="980" align="center" class="bottom"><tr><td>版权所有：{SITE}　网站标识码：3703030001<br>
备案号：<a href="http://www.beian.miit.gov.cn">鲁ICP备05012345号</a>　技术支持：某某网络公司</td></tr></table>
</body></html>
"""
    return page.encode("gb18030")
