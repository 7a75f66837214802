"""Post-build step: a Chinese full-text index for Material's header search box.

`build_search(site_dir, aliases)` runs after `mkdocs build` (and before
precompress). It reads the pages Material's search plugin indexed
(search/search_index.json, for their locations), extracts each page's title and
text from the built HTML, and writes search/pkb/:

    worker.js, lunr.min.js   the replacement search worker (site_config/search)
    meta.js                  shard layout, unit aliases, build version
    s/<shard>.js             lunr indexes (serialised form), one per shard of tokens
    d/<chunk>.js             page table: location, title, kind, jurisdiction
    t/<pack>.js              page text in pieces, for snippets

Every file is a script calling `__pkb(name, data)`, so the worker loads it with
importScripts: over HTTP in a real Worker, and under file:// inside Material's
iframe-worker shim, where fetch() cannot read files.

Tokens (site_config/search/worker.js mirrors this): text is folded per character
(NFKC, lower case; length-preserving so offsets stay valid); every Han
character starts one token, the bigram with the next character when that is
Han too, else the character alone; ASCII letter/digit runs are one token.
Each token records its character offsets, so the worker verifies that query
tokens sit exactly where the query puts them: any literal substring finds every
page containing it, and bigrams that occur apart never match.

Page contract: the page template emits
    <meta name="policykb:kind" content="文件">
    <meta name="policykb:jurisdiction" content="淄川区">
(site_config/overrides/main.html writes them from front matter `kind` and
`jurisdiction`); both are optional.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import re
import unicodedata
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from generator.units import genre_spellings

ASSETS = Path(__file__).resolve().parent.parent / "site_config" / "search"
OUT = "search/pkb"
# Tokens per shard: one shard is about 10 KiB gzip, so a query fetches little
# and the files stay the same size however large the corpus grows.
SHARD_TOKENS = 1500
DOCS_PER_CHUNK = 128
PIECE = 512              # characters of page text per snippet piece
PACK = 2048              # characters of text per pack file
HAN = re.compile("[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
BLOCK_TAGS = {"td", "th", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
              "dl", "dt", "dd", "blockquote", "pre", "section", "br", "article", "figure",
              "figcaption", "caption", "details", "summary", "hr"}
SKIP_TAGS = {"script", "style", "svg", "noscript", "template"}
ADMIN_PREFIX = "区县市"


# --- tokeniser ------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch).lower()
    return folded if len(folded) == 1 else ch


def fold(text: str) -> str:
    """NFKC + lower case, character by character, keeping the length."""
    return "".join(map(_fold_char, text))


_RUN = re.compile(f"(?P<han>{HAN.pattern}+)|[0-9a-z]+")


def tokenize(text: str) -> list[tuple[str, int]]:
    """(token, offset) pairs of folded text; see the module docstring: each Han
    character with the next one when that is Han too (alone at a run's end),
    each ASCII word or number whole."""
    tokens = []
    for m in _RUN.finditer(fold(text)):
        run, start = m.group(), m.start()
        if m.group("han"):
            tokens += [(run[k:k + 2], start + k) for k in range(len(run) - 1)]
            tokens.append((run[-1], start + len(run) - 1))
        else:
            tokens.append((run, start))
    return tokens


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over code points (the worker computes the same)."""
    h = 0x811C9DC5
    for ch in text:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


# --- reading the built site --------------------------------------------------------

@dataclass
class Page:
    location: str
    title: str
    body: str
    kind: str = ""
    jurisdiction: str = ""


class _PageText(HTMLParser):
    """Title (first h1 of the article), text of the article, policykb meta tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.article_depth = 0        # >0 while inside <article>
        self.skip_depth = 0           # >0 inside script/style/headerlink…
        self.in_h1 = False
        self.title_parts: list[str] = []
        self.parts: list[str] = []
        self.doc_title = ""
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("name") or "").startswith("policykb:"):
            self.meta[attrs["name"][9:]] = attrs.get("content") or ""
        if tag == "title":
            self.in_title = True
        if tag == "article":
            self.article_depth += 1
        if not self.article_depth:
            return
        classes = (attrs.get("class") or "").split()
        if self.skip_depth or tag in SKIP_TAGS or "headerlink" in classes or "md-content__button" in classes:
            if tag not in {"br", "hr", "img", "input", "meta", "link"}:
                self.skip_depth += 1
            return
        if tag == "h1" and not self.title_parts:
            self.in_h1 = True
        elif tag in BLOCK_TAGS:          # a phrase never runs across blocks or cells
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if not self.article_depth:
            return
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag == "article":
            self.article_depth -= 1
        if tag == "h1" and self.in_h1:
            self.in_h1 = False
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.doc_title += data
        if not self.article_depth or self.skip_depth:
            return
        (self.title_parts if self.in_h1 else self.parts).append(data)


def squeeze(text: str) -> str:
    """Collapse white space the way a reader sees the page; none between two
    Han characters (a wrapped line in Chinese text is not a word break)."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    return re.sub(f"(?<={HAN.pattern}) (?={HAN.pattern})", "", text)


def read_page(location: str, html: str) -> Page:
    parser = _PageText()
    parser.feed(html)
    title = squeeze("".join(parser.title_parts)) or parser.doc_title.split(" - ")[0].strip()
    return Page(location, title, squeeze("".join(parser.parts)),
                parser.meta.get("kind", ""), parser.meta.get("jurisdiction", ""))


def page_file(site_dir: Path, location: str) -> Path:
    path = location.split("#")[0]
    if path == "" or path.endswith("/"):
        path += "index.html"
    return site_dir / path


def _read_file(site_dir: Path, location: str) -> Page:
    return read_page(location, page_file(site_dir, location).read_text(encoding="utf-8"))


def read_pages(site_dir: Path) -> list[Page]:
    """The pages Material's search plugin lists (it honours `search: exclude`),
    parsed on every core; pages older than the index already in the folder
    (an incremental build links unchanged pages and the index) are taken
    from the index's page table and texts instead of being parsed again."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = list(dict.fromkeys(doc["location"] for doc in index["docs"] if "#" not in doc["location"]))
    known, stamp = indexed_pages(site_dir / OUT)
    pages = {loc: known[loc] for loc in locations
             if loc in known and page_file(site_dir, loc).stat().st_mtime_ns < stamp}
    todo = [loc for loc in locations if loc not in pages]
    if (os.cpu_count() or 1) < 2 or len(todo) < 64:
        pages.update((loc, _read_file(site_dir, loc)) for loc in todo)
    else:
        with ProcessPoolExecutor() as pool:
            pages.update(zip(todo, pool.map(_read_file, [site_dir] * len(todo), todo, chunksize=16)))
    return [pages[loc] for loc in locations]


def _script_data(path: Path):
    """The data of a file written by script()."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1: text.rindex(")")])


def indexed_pages(out: Path) -> tuple[dict[str, Page], int]:
    """Pages of an index written earlier (location -> Page) and the time it was written."""
    try:
        stamp = (out / "meta.js").stat().st_mtime_ns
        meta = _script_data(out / "meta.js")
        rows = [row for n in range(math.ceil(meta["docs"] / meta["chunk"])) for row in _script_data(out / "d" / f"{n}.js")]
        texts = {}
        for pack in {n for row in rows for n in row[5]}:
            for doc, piece, text in _script_data(out / "t" / f"{pack}.js"):
                texts[doc, piece] = text
    except (OSError, ValueError, KeyError):
        return {}, 0
    return {row[0]: Page(row[0], row[1], "".join(texts[doc, k] for k in range(len(row[5]))), row[2], row[3])
            for doc, row in enumerate(rows)}, stamp


# --- aliases --------------------------------------------------------------------

def unit_aliases(units) -> dict[str, list[str]]:
    """name -> other names, from the unit registries (Corpus.units values): the
    spellings seen in the gazettes, and the genre's abbreviations of each (人社局
    finds 区人力资源和社会保障局 though no gazette wrote 区人社局). The same name
    in two jurisdictions pools its aliases."""
    merged: dict[str, list[str]] = defaultdict(list)
    for unit in units:
        seen = [unit.name, *(unit.aliases or [])]
        names = seen + [g for n in seen for g in genre_spellings(n)]
        merged[unit.name] += [a for a in dict.fromkeys(names[1:]) if a not in merged[unit.name]]
    return dict(merged)


def alias_table(aliases: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """Folded query term -> the other names of the same unit.

    A unit's full name and its aliases form one group; typing any member finds
    them all. A member also answers without its leading 区/县/市 (卫健局 for
    区卫健局), as officials write it both ways."""
    table: dict[str, set[str]] = defaultdict(set)
    for name, names in (aliases or {}).items():
        group = {fold(n) for n in [name, *names] if n}
        for member in group:
            keys = {member}
            if len(member) >= 4 and member[0] in ADMIN_PREFIX:
                keys.add(member[1:])
            for key in keys:
                table[key] |= group - {key}
    return {key: sorted(alts) for key, alts in sorted(table.items()) if alts}


# --- index files ------------------------------------------------------------------

def shard_layout(counts: dict[str, int], total: int) -> tuple[int, dict[str, int]]:
    """Buckets for light first characters; sub-shards for heavy ones.

    Tokens are grouped by first character so that a one-character query (all
    tokens starting with it) reads one group; a character with more than
    SHARD_TOKENS occurrences is split by its second character."""
    heavy = {}
    for ch, n in counts.items():
        if n > SHARD_TOKENS:
            heavy[ch] = 1 << math.ceil(math.log2(n / SHARD_TOKENS))
    light = total - sum(counts[ch] for ch in heavy)
    # twice the buckets the tokens would fill: hashing spreads them unevenly
    buckets = 1 << max(0, math.ceil(math.log2(max(1, 2 * light / SHARD_TOKENS))))
    return buckets, dict(sorted(heavy.items()))


def shard_of(token: str, buckets: int, heavy: dict[str, int]) -> str:
    first = token[0]
    if first in heavy:
        return f"{ord(first):x}-{fnv1a(token[1:]) % heavy[first]}"
    return f"b{fnv1a(first) % buckets}"


FIELDS = ("t", "b")        # title, body
LUNR_VERSION = "2.3.9"    # of site_config/search/lunr.min.js


def build_shard(terms: dict[str, dict[str, dict[str, list[int]]]]) -> dict:
    """One shard in lunr's serialised index form, written directly: the
    inverted index term -> field -> ref -> {p: offsets}, terms in JavaScript
    string order (lunr.Index.load builds its token set from them in order).
    The worker reads only the inverted index and the token set, never lunr's
    scores, so fieldVectors stay empty (lunr's builder spent most of the
    search step computing them)."""
    inverted = []
    for n, term in enumerate(sorted(terms, key=lambda t: t.encode("utf-16-be"))):
        posting: dict = {f: {} for f in FIELDS}
        for ref, fields in terms[term].items():
            for fname, offsets in fields.items():
                posting[fname][ref] = {"p": offsets}
        posting["_index"] = n
        inverted.append([term, posting])
    return {"version": LUNR_VERSION, "fields": list(FIELDS), "fieldVectors": [],
            "invertedIndex": inverted, "pipeline": []}


def script(name: str, data) -> str:
    return f"__pkb({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))})\n"


def build_search(site_dir: Path, aliases: dict[str, list[str]] | None = None) -> dict:
    """Write search/pkb/ into a built site; return figures about it."""
    site_dir = Path(site_dir)
    pages = read_pages(site_dir)
    out = site_dir / OUT
    written: set[Path] = set()

    # token -> doc -> field -> offsets, and first-character counts
    postings: dict[str, dict[str, dict[str, list[int]]]] = {}
    first_counts: dict[str, int] = defaultdict(int)
    total = 0
    for number, page in enumerate(pages):
        ref = _ref(number)
        for fname, text in (("t", page.title), ("b", page.body)):
            offsets: dict[str, list[int]] = defaultdict(list)
            for term, offset in tokenize(text):
                offsets[term].append(offset)
            for term, found in offsets.items():
                postings.setdefault(term, {}).setdefault(ref, {})[fname] = found
                first_counts[term[0]] += len(found)
                total += len(found)

    buckets, heavy = shard_layout(first_counts, total)
    shards: dict[str, dict[str, dict[str, dict[str, list[int]]]]] = defaultdict(dict)
    for term, docs in postings.items():
        shards[shard_of(term, buckets, heavy)][term] = docs
    for ch, split in heavy.items():      # a one-character query reads every sub-shard
        for k in range(split):
            shards[f"{ord(ch):x}-{k}"]
    version = hashlib.sha256()
    for name, docs in sorted(shards.items()):
        text = script(f"s/{name}", build_shard(docs))
        version.update(text.encode())
        put(out / "s" / f"{name}.js", text, written)

    packs = write_packs(out, pages, version, written)
    for start in range(0, len(pages), DOCS_PER_CHUNK):
        rows = [[p.location, p.title, p.kind, p.jurisdiction, len(p.body), packs[start + i]]
                for i, p in enumerate(pages[start:start + DOCS_PER_CHUNK])]
        text = script(f"d/{start // DOCS_PER_CHUNK}", rows)
        version.update(text.encode())
        put(out / "d" / f"{start // DOCS_PER_CHUNK}.js", text, written)

    meta = {"v": version.hexdigest()[:12], "buckets": buckets, "heavy": heavy,
            "docs": len(pages), "chunk": DOCS_PER_CHUNK, "piece": PIECE,
            "aliases": alias_table(aliases)}
    for asset in ("worker.js", "lunr.min.js"):
        put(out / asset, (ASSETS / asset).read_text(encoding="utf-8"), written)
    put(out / "meta.js", script("meta", meta), written, always=True)  # its time stamps the index
    for path in list(out.rglob("*")):
        if path.is_file() and path not in written and path.suffix not in (".gz", ".br"):
            path.unlink()
            for copy in (".gz", ".br"):
                path.with_name(path.name + copy).unlink(missing_ok=True)
    return {"pages": len(pages), "tokens": total, "shards": len(shards),
            "packs": len(list((out / "t").iterdir())), "version": meta["v"],
            "bytes": sum(f.stat().st_size for f in out.rglob("*") if f.is_file())}


def _ref(number: int) -> str:
    return format(number, "x")


def put(path: Path, text: str, written: set[Path], always: bool = False) -> None:
    """Write a file unless it already holds `text` (an incremental build keeps
    its time, so it is not compressed again); a new file, renamed into place,
    never written through a link shared with the live site."""
    written.add(path)
    data = text.encode("utf-8")
    if not always and path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


def write_packs(out: Path, pages: list[Page], version, written: set[Path]) -> list[list[int]]:
    """Cut each page's text into PIECE-character pieces, packed in order into
    files of about PACK characters; return, per page, the pack of each piece."""
    where: list[list[int]] = []
    pack, size, number = [], 0, 0

    def flush():
        nonlocal pack, size, number
        if pack:
            text = script(f"t/{number}", pack)
            version.update(text.encode())
            put(out / "t" / f"{number}.js", text, written)
            pack, size, number = [], 0, number + 1

    for doc, page in enumerate(pages):
        where.append([])
        for piece, start in enumerate(range(0, max(1, len(page.body)), PIECE)):
            text = page.body[start:start + PIECE]
            if size + len(text) > PACK:
                flush()
            pack.append([doc, piece, text])
            size += len(text)
            where[-1].append(number)
    flush()
    return where
