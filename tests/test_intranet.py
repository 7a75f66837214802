"""Intranet-ready: the built site needs nothing from outside its own origin,
works under any sub-path behind Debian's nginx, ships pre-compressed assets,
works opened from the file system, and prints cleanly.

Every browser test routes all requests: anything not on 127.0.0.1 (or, for the
file:// bundle, not a file) is blocked and logged, and the test fails on any
blocked request, console error, HTTP status >= 400 or failed load.
"""

from __future__ import annotations

import gzip
import re
import textwrap
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.build import hosting

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/zhengce/"
# Pages the tests open (site paths without suffix) and a query that must hit.
HOME = ""
DOCUMENT = "documents/zichuan-2022-01-1"   # a plan (规划)
UNIT = "units/huaiyin-e7b49f92"        # 槐荫区 区妇联
MATRIX = "matrices/zichuan-2022-01-1"   # the plan above
QUERY = "孕产妇"
# A4 minus print.css's 12 mm margins, in CSS pixels.
PRINT_WIDTH = round((210 - 2 * 12) / 25.4 * 96)


# --- the site under test: `site` and `offline_site` (conftest.py) ---------------

@pytest.fixture
def served(site, nginx_site):
    return nginx_site(site, PREFIX)


def page_url(base: str, path: str, offline: bool) -> str:
    """Directory URLs on a server; the offline bundle links page.html files."""
    if offline:
        return base + (path + ".html" if path else "index.html")
    return base + (path + "/" if path else "")


# --- in the browser -----------------------------------------------------------

def visit(mon, url: str) -> None:
    response = mon.page.goto(url)
    assert response is None or response.ok, f"{url}: {response.status}"
    mon.settle()
    # Material's stylesheet and script ran: the sub-path resolved the assets.
    assert mon.page.locator("html.js").count() == 1, f"{url}: Material's script did not run"
    assert mon.page.locator(".md-content h1").first.is_visible(), f"{url}: no page heading"


def search(mon, query: str) -> None:
    """Type in Material's search box, wait for hits, open the first one."""
    box = mon.page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup, which fill() does not send
    first = mon.page.locator(".md-search-result__item a").first
    first.wait_for(state="visible", timeout=15_000)
    first.click()
    mon.page.wait_for_load_state("load")
    mon.settle()


def walk(mon, base: str, offline: bool) -> None:
    for path in (HOME, DOCUMENT, UNIT, MATRIX):
        visit(mon, page_url(base, path, offline))
        assert mon.page.url.startswith(base), f"left the site: {mon.page.url}"
    visit(mon, page_url(base, HOME, offline))
    search(mon, QUERY)
    assert mon.page.url.startswith(base), f"search result outside the site: {mon.page.url}"
    assert QUERY in mon.page.locator(".md-content").inner_text()


def test_nginx_sub_path_pages_and_search_need_nothing_from_outside(served, browse):
    mon = browse("loopback")
    walk(mon, served.url, offline=False)
    mon.assert_clean()
    # Nothing asked nginx for a path outside the sub-path (e.g. /assets/...).
    outside = [line for line in served.access_log().splitlines() if f'"GET {PREFIX}' not in line]
    assert not outside, outside


def test_file_bundle_pages_and_search_need_nothing_from_outside(offline_site, browse):
    mon = browse("file")
    walk(mon, offline_site.as_uri() + "/", offline=True)
    mon.assert_clean()


def test_blocked_request_is_caught(served, browse):
    """The guard itself: a page that fetches from outside must be reported."""
    mon = browse("loopback")
    visit(mon, served.url)
    mon.page.evaluate("fetch('https://fonts.googleapis.com/css?family=Roboto').catch(() => null)")
    mon.page.evaluate("fetch('missing.json').catch(() => null)")
    mon.settle()
    assert mon.blocked == ["https://fonts.googleapis.com/css?family=Roboto"]
    assert mon.http_errors == [f"404 {served.url}missing.json"]


@pytest.mark.parametrize("path", [DOCUMENT, UNIT, MATRIX])
def test_prints_without_navigation_and_within_the_page_width(served, browse, path):
    mon = browse("loopback", viewport={"width": PRINT_WIDTH, "height": 1000})
    visit(mon, page_url(served.url, path, offline=False))
    mon.page.emulate_media(media="print")
    chrome = mon.page.evaluate("""() => [...document.querySelectorAll(
        '.md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top')]
        .filter(e => e.getClientRects().length).map(e => e.className)""")
    assert chrome == [], f"navigation printed: {chrome}"
    overflow = mon.page.evaluate("""() => [...document.querySelectorAll('.md-content table')]
        .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                     || t.scrollWidth > t.clientWidth + 1)
        .map(t => t.rows[0] && t.rows[0].innerText.slice(0, 40))""")
    assert overflow == [], f"tables wider than the paper: {overflow}"
    assert mon.page.evaluate("document.documentElement.scrollWidth") <= PRINT_WIDTH
    pdf = mon.page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    mon.assert_clean()


# --- over HTTP ------------------------------------------------------------------

def fetch(url: str, encoding: str) -> tuple[dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(response.headers), response.read()


def test_nginx_serves_the_precompressed_files(site, served):
    """gzip_static: nginx sends our .gz byte for byte (dynamic gzip is off)."""
    css = next(site.glob("assets/stylesheets/main.*.css"))
    url = served.url + css.relative_to(site).as_posix()
    headers, body = fetch(url, "gzip")
    assert headers.get("Content-Encoding") == "gzip"
    assert body == css.with_name(css.name + ".gz").read_bytes()
    headers, body = fetch(url, "identity")
    assert "Content-Encoding" not in headers and body == css.read_bytes()
    headers, _ = fetch(served.url, "gzip")
    assert headers.get("Content-Encoding") == "gzip", "the home page is not served pre-compressed"


def test_nginx_redirects_stay_under_the_sub_path(served):
    """/zhengce and folder URLs without their slash land on the page, via
    relative redirects (absolute_redirect off) that survive a proxy."""
    for url in (served.url.rstrip("/"), served.url + DOCUMENT):
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.url == url + "/" and b"md-content" in response.read()


def test_readme_gives_the_tested_server_block():
    from browser import server_block
    block = server_block(Path("/srv/policykb/site"), PREFIX, "80")
    assert block in (ROOT / "README.md").read_text(encoding="utf-8")


def test_precompress_is_complete_and_reproducible(site, tmp_path):
    for path in site.rglob("*"):
        if path.suffix in hosting.TEXT_SUFFIXES and path.stat().st_size >= hosting.MIN_SIZE:
            gz = path.with_name(path.name + ".gz")
            assert gz.exists(), path
            assert gzip.decompress(gz.read_bytes()) == path.read_bytes()
    files = {"big.js": b"var x = 1;\n" * 500, "small.css": b"a{}", "photo.png": b"\x89PNG" + b"\0" * 5000}
    assert [hosting.write_gz(tmp_path / name, data) for name, data in files.items()] == [1, 0, 0]
    first = (tmp_path / "big.js.gz").read_bytes()
    hosting.write_gz(tmp_path / "big.js", files["big.js"])
    assert (tmp_path / "big.js.gz").read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.js.gz"]


# --- in the files -----------------------------------------------------------------

class Fetched(HTMLParser):
    """URLs an HTML page makes the browser fetch by itself (not <a href>)."""
    FETCHING = {("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
                ("iframe", "src"), ("embed", "src"), ("object", "data"), ("video", "src"), ("video", "poster"),
                ("audio", "src"), ("input", "src"), ("track", "src")}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.styles: list[str] = []
        self.links: list[str] = []     # <a href>: followed only when clicked
        self.in_style = False

    # <link rel> values that make the browser fetch (canonical, prev, next do not).
    LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "preload",
                 "prefetch", "modulepreload", "preconnect", "dns-prefetch", "prerender", "mask-icon"}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        fetching_link = tag == "link" and set((attrs.get("rel") or "").lower().split()) & self.LINK_RELS
        for name, value in attrs.items():
            if value and ((tag, name) in self.FETCHING or (fetching_link and name == "href")):
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            if tag == "a" and name == "href" and value:
                self.links.append(value)
            if name == "style" and value:
                self.styles.append(value)
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.styles.append(data)


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
# A string literal holding an absolute URL in a script: something it may fetch.
JS_URL = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)""")
NAMESPACES = ("http://www.w3.org/",)


def external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and not url.startswith(NAMESPACES)


def material_own(path: Path, site_dir: Path) -> bool:
    """A file copied unchanged from Material's theme (its dormant CDN URLs —
    mermaid, resize-observer polyfill, repository facts — only load for
    features the site does not use; the browser tests prove they stay dormant)."""
    import material
    theme = Path(material.__file__).parent / "templates" / path.relative_to(site_dir)
    return theme.is_file() and theme.read_bytes() == path.read_bytes()


def fetched_urls(site_dir: Path):
    """(file, url) for every URL the site's HTML, CSS and own scripts load."""
    for path in sorted(site_dir.rglob("*")):
        if path.suffix == ".html":
            parser = parsed(path)
            yield from ((path, url) for url in parser.urls)
            yield from ((path, m.group(1) or m.group(2)) for css in parser.styles for m in CSS_URL.finditer(css))
        elif path.suffix == ".css":
            yield from ((path, m.group(1) or m.group(2)) for m in CSS_URL.finditer(path.read_text(encoding="utf-8")))
        elif path.suffix == ".js" and not material_own(path, site_dir):
            yield from ((path, m.group(1)) for m in JS_URL.finditer(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("variant", ["site", "offline_site"])
def test_nothing_loads_from_another_host_or_the_server_root(variant, request):
    site_dir = request.getfixturevalue(variant)
    found = list(fetched_urls(site_dir))
    assert len(found) > 10, "the scan found nothing: is the parser broken?"
    bad = [f"{path.relative_to(site_dir)}: {url}" for path, url in found
           if external(url)
           # a root-absolute URL escapes the sub-path (404.html is served only
           # at the root and is built with root URLs by MkDocs)
           or (url.startswith("/") and path.name != "404.html")]
    assert not bad, bad


def parsed(path: Path) -> Fetched:
    parser = Fetched()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site_dir: Path, offline: bool):
    """Links between pages that would miss: on a server a folder serves its
    index.html; from the file system a folder opens a bare directory listing."""
    for page in sorted(site_dir.rglob("*.html")):
        if page.name == "404.html":
            continue
        for href in parsed(page).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if parts.path.startswith("/"):
                yield f"{page.relative_to(site_dir)}: {href} (escapes the sub-path)"
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not (target.is_file() or (not offline and (target / "index.html").is_file())):
                yield f"{page.relative_to(site_dir)}: {href}"


@pytest.mark.parametrize("variant", ["site", "offline_site"])
def test_every_link_lands_on_a_page(variant, request):
    site_dir = request.getfixturevalue(variant)
    bad = list(broken_links(site_dir, offline=variant == "offline_site"))
    assert not bad, bad[:20]


def test_link_check_catches_folder_links_offline(tmp_path):
    (tmp_path / "units").mkdir()
    (tmp_path / "units" / "index.html").write_text("<h1>单位</h1>")
    (tmp_path / "index.html").write_text('<a href="units/">单位</a> <a href="#top">顶部</a> <a href="/x.html">x</a>')
    assert list(broken_links(tmp_path, offline=False)) == ["index.html: /x.html (escapes the sub-path)"]
    assert len(list(broken_links(tmp_path, offline=True))) == 2


def test_scan_catches_external_assets(tmp_path):
    (tmp_path / "index.html").write_text(textwrap.dedent("""\
        <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
        <a href="https://www.gov.cn/">中国政府网</a><link rel="canonical" href="https://zhengce.example/">
        <img src="/logo.png"><style>@import "//cdn.example/x.css";</style>"""))
    (tmp_path / "x.css").write_text("body{background:url(https://cdn.example/bg.png)}")
    (tmp_path / "x.js").write_text("import('https://unpkg.com/iframe-worker/shim') // https://comment.example")
    urls = sorted(url for _, url in fetched_urls(tmp_path))
    assert urls == ["//cdn.example/x.css", "/logo.png", "https://cdn.example/bg.png",
                    "https://fonts.googleapis.com/css?family=Roboto", "https://unpkg.com/iframe-worker/shim"]
