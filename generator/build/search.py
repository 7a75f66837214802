"""Post-build step: a Chinese full-text index for Material's header search box.

`build_search(site_dir, locations, aliases, changed)` runs after `mkdocs build`.
It extracts each page's title and text from the
built HTML and writes search/pkb/:

    worker.js, lunr.min.js   the replacement search worker (site_config/search)
    meta.js                  segments and their shard layout, the order a
                             query reads them in, deleted refs, unit aliases,
                             build version
    s/<segment>/<shard>.js   lunr indexes (serialised form), one per shard of tokens
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

import contextlib
import dataclasses
import functools
import hashlib
import html
import json
import math
import os
import re
import shutil
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generator.parallel import fork_map, shared
from generator.build.hosting import write_gz
from generator.model.units import genre_spellings

ASSETS = Path(__file__).resolve().parents[2] / "site_config" / "search"
OUT = "search/pkb"
UI_OUT = "search/ui"                  # the results page's and the documents list's script, style and facets
UI_ASSETS = ("ui.js", "ui.css")
RESULTS_PAGE = "search/index.html"    # the results page (generator/pages/search_page.py), in no index
# Tokens per shard: one shard is about 10 KiB gzip, so a query fetches little
# and the files stay the same size however large the corpus grows.
SHARD_TOKENS = 1500
DOCS_PER_CHUNK = 128
PUT_CHUNK = 64           # files a writer process takes at a time (Index.put_all)
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


def token_offsets(text: str) -> dict[str, list[int]]:
    """Each token of folded text -> its offsets, in order (see the module
    docstring): each Han character with the next one when that is Han too
    (alone at a run's end), each ASCII word or number whole."""
    found: dict[str, list[int]] = defaultdict(list)
    for m in _RUN.finditer(fold(text)):
        run, start = m.group(), m.start()
        if m.group("han"):
            for k in range(len(run) - 1):
                found[run[k:k + 2]].append(start + k)
            found[run[-1]].append(start + len(run) - 1)
        else:
            found[run].append(start)
    return found


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


# A page's text is read with regular expressions, not an HTML parser (11x
# faster, the same text on every page of the seed site): the HTML is
# Material's, written by MkDocs, so tags are well formed, and an element
# skipped whole (script, an icon, a heading's ¶ link) never nests its own tag.
_META = re.compile(r'<meta name="policykb:(\w+)" content="([^"]*)"')
_DOC_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# A block of class pk-related is left out: the templates mark so lists of
# links to pages that hold their text in full (Material's data-search-exclude
# would not reach the HTML: its search plugin strips data-search-*). Such a
# block holds no <div> of its own.
_SKIPPED = re.compile("|".join([f"<{tag}\\b[^>]*>.*?</{tag}>" for tag in sorted(SKIP_TAGS)]
                               + [r'<a\b[^>]*class="[^"]*\b(?:headerlink|md-content__button)\b[^"]*"[^>]*>.*?</a>',
                                  r'<div\b[^>]*class="[^"]*\bpk-related\b[^"]*"[^>]*>.*?</div>']),
                      re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_BLOCK = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(BLOCK_TAGS)))   # a phrase never runs across blocks or cells
_TAG = re.compile(r"<[^>]*>")


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", _BLOCK.sub("\n", fragment)))


_SPACES = re.compile(r"[^\S\n]+")
_BREAKS = re.compile(r" ?\n[ \n]*")
_HAN_GAP = re.compile(f"(?<={HAN.pattern}) (?={HAN.pattern})")


def squeeze(text: str) -> str:
    """Collapse white space the way a reader sees the page, a line at most
    one space apart and no blank lines; none between two Han characters (a
    wrapped line in Chinese text is not a word break)."""
    return _HAN_GAP.sub("", _BREAKS.sub("\n", _SPACES.sub(" ", text)).strip(" \n"))


def read_page(location: str, page: str) -> Page:
    """Title (the article's first h1, else the <title>), text of the article
    and the policykb meta tags of a built page."""
    head_end, start, end = page.find("</head>"), page.find("<article"), page.rfind("</article>")
    article = _SKIPPED.sub("", page[start:end]) if 0 <= head_end < start < end else ""
    head = page[:max(head_end, 0)]
    title, h1 = "", _H1.search(article)
    if h1:
        title = squeeze(_text(h1.group(1)))
        article = article[:h1.start()] + article[h1.end():]
    if not title:
        found = _DOC_TITLE.search(head)
        title = html.unescape(found.group(1)).split(" - ")[0].strip() if found else ""
    meta = dict(_META.findall(head))
    return Page(location, title, squeeze(_text(article)), meta.get("kind", ""), meta.get("jurisdiction", ""))


def page_path(location: str) -> str:
    """The file of a page, relative to the site folder."""
    path = location.split("#")[0]
    return path + "index.html" if path == "" or path.endswith("/") else path


def page_file(site_dir: Path, location: str) -> Path:
    return site_dir / page_path(location)


def first_counts(text: str) -> Counter:
    """How many tokens of `text` start with each character (see token_offsets):
    every Han character starts one, every ASCII word one."""
    folded = fold(text)
    counts = Counter("".join(_HAN_RUN.findall(folded)))
    counts.update(word[0] for word in _WORD.findall(folded))
    return counts


_HAN_RUN = re.compile(f"{HAN.pattern}+")
_WORD = re.compile("[0-9a-z]+")


def page_counts(page: Page) -> Counter:
    return first_counts(page.title) + first_counts(page.body)


def page_facts(location: str, html_text: str) -> tuple[Page, Counter]:
    """A built page's Page and its page_counts."""
    page = read_page(location, html_text)
    return page, page_counts(page)


def _read_file(site_dir: Path, location: str) -> tuple[Page, Counter]:
    return page_facts(location, page_file(site_dir, location).read_text(encoding="utf-8"))


def read_pages(site_dir: Path, locations: list[str], tier: int | None = None,
               known: dict[str, tuple[Page, Counter]] | None = None) -> tuple[list[Page], list[Counter]]:
    """Title and text of each page and the first_counts of each `tier` pages
    (of them all without): the page_facts `known` holds by page_path (read as
    MkDocs wrote them), the other pages parsed from their files on every core."""
    known = known or {}
    unread = [loc for loc in locations if page_path(loc) not in known]
    read = dict(zip(unread, fork_map(_read_file, [site_dir] * len(unread), unread, chunksize=16)))
    pages, counts = [], []
    for n, location in enumerate(locations):
        page, page_counts = read.get(location) or known[page_path(location)]
        if n % (tier or len(locations)) == 0:
            counts.append(Counter())
        pages.append(dataclasses.replace(page, location=location))
        counts[-1].update(page_counts)
    return pages, counts


def _script_data(path: Path):
    """The data of a file written by script()."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1: text.rindex(")")])


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


class Names:
    """The dictionary of department names people say (site_config/search/
    department_names.yml): abbreviation groups, each an office's full name and
    its short names, any member of which finds the others; and former names
    (a short one and the full one it stood for), each of which finds the
    group of the office that holds its duties now, but not the reverse."""

    def __init__(self, entries: list[dict]):
        self.entries = entries
        groups: dict[str, set[str]] = {}
        for e in entries:
            groups.setdefault(fold(e["full"]), {fold(e["full"])})
            if e["kind"] == "简称":
                groups[fold(e["full"])].add(fold(e["short"]))
        # a short name shared by two fulls joins them into one group
        self.same: dict[str, frozenset[str]] = {}
        for group in groups.values():
            merged = set(group).union(*(self.same.get(n, ()) for n in group))
            for n in merged:
                self.same[n] = frozenset(merged)
        self.former: dict[str, set[str]] = defaultdict(set)     # former name -> current names
        self.formers_of: dict[frozenset, set[str]] = defaultdict(set)
        for e in entries:
            if e["kind"] == "曾用名":
                current = self.same[fold(e["full"])]
                for old in {fold(e["short"]), fold(e.get("was") or e["short"])} - current:
                    self.former[old] |= current
                    self.formers_of[current].add(old)
        terms = sorted(set(self.same) | set(self.former), key=lambda t: (-len(t), t))
        self.pattern = re.compile("|".join(map(re.escape, terms))) if terms else None

    def rules(self) -> dict[str, list[str]]:
        """Folded term -> the names it finds (the worker rewrites a query that
        ends with a term: 国家卫健委 finds 国家卫生健康委员会)."""
        out = {}
        for term in sorted(set(self.same) | set(self.former)):
            found = (self.same.get(term, frozenset()) | self.former.get(term, set())) - {term}
            if found:
                out[term] = sorted(found)
        return out

    def variants(self, name: str) -> tuple[list[str], list[str]]:
        """(spellings of the same office, its former names) of an office's
        name (folded), one term swapped at a time: 区卫生健康局 -> ([区卫健局,
        区卫生健康委 …], [区计生局, 区卫生局 …])."""
        same, former = [], []
        for m in self.pattern.finditer(name) if self.pattern else ():
            group = self.same.get(m.group())
            head, tail = name[:m.start()], name[m.end():]
            if group is None or tail[:1] and tail[0] in CONTINUED.get(m.group()[-1], ""):
                continue
            same += [head + x + tail for x in sorted(group) if x != m.group()]
            former += [head + x + tail for x in sorted(self.formers_of.get(group, ()))]
        return same, former


NAMES_FILE = ASSETS / "department_names.yml"
# A name's last character that the next one continues into a longer word: the
# 发展改革委 of 发展改革委员会 is no name of its own.
CONTINUED = {"委": "员", "办": "公事"}


@functools.lru_cache(maxsize=2)
def department_names(path: Path = NAMES_FILE) -> Names:
    """The dictionary of department names (see Names), read once."""
    import yaml
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return Names(data["names"])


def alias_groups(aliases: dict[str, list[str]] | None,
                 names: Names | None = None) -> tuple[list[list[str]], dict[str, list[int]]]:
    """(groups, keys): each unit's names (folded) with the dictionary's
    spellings of them, a group; folded query term -> the groups it finds.

    Typing any member of a group finds them all; a member also answers
    without its leading 区/县/市 (卫健局 for 区卫健局), as officials write it
    both ways. A former name of a member (区计生局 of 区卫生健康局) finds the
    group, and no member finds it."""
    names = department_names() if names is None else names
    groups: list[list[str]] = []
    keys: dict[str, set[int]] = defaultdict(set)

    def add(key: str, number: int) -> None:
        keys[key].add(number)
        if len(key) >= 4 and key[0] in ADMIN_PREFIX:
            keys[key[1:]].add(number)

    for name, others in (aliases or {}).items():
        seen = list(dict.fromkeys(fold(n) for n in [name, *others] if n))
        spelled = [names.variants(n) for n in seen]
        group = list(dict.fromkeys(seen + [v for same, _ in spelled for v in same]))
        if len(group) < 2 and not any(former for _, former in spelled):
            continue
        groups.append(group)
        for member in group:
            add(member, len(groups) - 1)
        for _, former in spelled:
            for old in former:
                if old not in group:
                    add(old, len(groups) - 1)
    return groups, {key: sorted(found) for key, found in sorted(keys.items())}


def alias_table(aliases: dict[str, list[str]] | None, names: Names | None = None) -> dict[str, list[str]]:
    """Folded query term -> the other names of the same unit (alias_groups, spelled out)."""
    groups, keys = alias_groups(aliases, names)
    table = {key: sorted(set().union(*(groups[n] for n in found)) - {key}) for key, found in keys.items()}
    return {key: alts for key, alts in table.items() if alts}


# --- what a query needs besides the index -------------------------------------------

def search_inputs(corpus) -> dict:
    """What build_search takes from the corpus: the units' names (unit_aliases),
    the words a query written without spaces is split into (search_lexicon)
    and the facets of each document (document_facets)."""
    return {"aliases": unit_aliases(corpus.units.values()), "lexicon": search_lexicon(corpus),
            "facets": document_facets(corpus)}


def search_lexicon(corpus) -> dict[str, list[str]]:
    """Known words of a query without spaces (淄川区孕产妇死亡率): the places
    (full, short and bare names of each jurisdiction, and its parent), the
    units' names, the indicators' names and the documents' types. The units'
    other names and the dictionary's department names come with the aliases."""
    places = set()
    for jur in corpus.jurisdictions.values():
        places |= {n for n in (jur.name, jur.short_name, jur.parent) if n}
        short, level = jur.short_name or "", jur.level or ""
        if level and short.endswith(level) and len(short) > len(level) + 1:
            places.add(short[:-len(level)])
    metrics = {m for m in corpus.metrics if 2 <= len(m) <= 16 and HAN.search(m)}
    types = {d.type for d in corpus.documents.values() if d.type}
    units = {fold(u.name) for u in corpus.units.values()}
    return {"places": sorted(places), "units": sorted(units), "metrics": sorted(metrics), "types": sorted(types)}


# Pages of one document (documents/<id>/, plans/<id>/, matrices/<id>/) and of
# its items (items/<id>.<number>/): the facets of the document are theirs.
DOCUMENT_FOLDERS = ("documents", "plans", "matrices", "items")


def document_facets(corpus) -> dict[str, list[str]]:
    """Document id -> [jurisdiction (short name), issuer, type, date, status],
    newest first: what the documents list and the results page filter by."""
    from generator.model import sorted_by_date
    return {d.id: [d.jurisdiction.short_name, d.issuer or "", d.type or "",
                   d.date.isoformat() if d.date else "", d.status]
            for d in sorted_by_date(corpus.documents.values())}


def query_data(aliases: dict[str, list[str]] | None, lexicon: dict | None) -> dict:
    """The parts of meta.js that read queries: unit name groups and the keys
    that find them (alias_groups), the dictionary's rewrite rules for a query
    ending with a department's name, and the lexicon."""
    names = department_names()
    groups, keys = alias_groups(aliases, names)
    return {"groups": groups, "keys": keys, "names": names.rules(), "lexicon": lexicon or {}}


# --- index files ------------------------------------------------------------------
#
# The index is a list of segments, as in Lucene. A full build writes the base:
# one segment per tier of TIER_DOCS pages, the pages taken in static rank
# order (ranked). An incremental build leaves the base alone, marks the refs
# of pages whose text changed or that are gone as deleted (meta.deleted),
# appends their new rows, and writes one more segment, the delta, of every
# page appended since the base. The worker skips deleted refs. When the delta
# grows past DELTA_SHARE of the pages (at most a tier), the next build writes
# a new base.
#
# A query reads the first tier and the delta first (meta.phases) and shows
# what they hold; it reads the other tiers only when the reader has stopped
# typing, and then shows every result. So the bytes a query needs before its
# first results are those of one tier, however large the corpus.

TIER_DOCS = 2048
DELTA = "u"                           # the delta segment's name; tiers are numbered
DELTA_SHARE = 0.25
DELTA_MIN = 1000                      # pages a delta may always hold
# The static rank: the home page, then these folders' pages (overviews,
# documents and plans before the many pages of one unit or one item), then
# the rest; MkDocs' order within each.
RANKED_FOLDERS = ("jurisdictions", "documents", "plans", "indicators", "matrices", "units")
# Postings go through a spool on disk, so those of a large corpus (tens of
# millions at 20x) are never held at once: each batch of pages writes one
# file, its postings ordered by group of shards, and the shards are then
# written a group at a time, each reading its stretch of every batch's file
# (a file per batch and group was thousands of files to create and delete).
SPOOL_BATCH = 256                     # pages
SPOOL_GROUPS = 256


@dataclass(frozen=True)
class Layout:
    """Where each token's postings go in one segment: buckets for light first
    characters; sub-shards for heavy ones. Tokens are grouped by first
    character so that a one-character query (every token starting with it)
    reads one group; a character with more than SHARD_TOKENS occurrences is
    split by its second character."""
    segment: str
    buckets: int
    heavy: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, segment: str, counts: Counter) -> "Layout":
        heavy = {ch: 1 << math.ceil(math.log2(n / SHARD_TOKENS)) for ch, n in counts.items() if n > SHARD_TOKENS}
        light = sum(counts.values()) - sum(counts[ch] for ch in heavy)
        # twice the buckets the tokens would fill: hashing spreads them unevenly
        buckets = 1 << max(0, math.ceil(math.log2(max(1, 2 * light / SHARD_TOKENS))))
        return cls(segment, buckets, tuple(sorted(heavy.items())))

    def meta(self) -> dict:
        return {"name": self.segment, "buckets": self.buckets, "heavy": dict(self.heavy)}

    @functools.cached_property
    def split(self) -> dict[str, int]:
        return dict(self.heavy)

    def shard(self, token: str) -> str:
        first = token[0]
        if first in self.split:
            return f"{self.segment}/{ord(first):x}-{fnv1a(token[1:]) % self.split[first]}"
        return f"{self.segment}/b{fnv1a(first) % self.buckets}"

    def every_shard(self) -> list[str]:
        """Every shard a query may read, so each is written, empty or not: a
        one-character query reads all sub-shards of a heavy character, and a
        missing file would fail the whole query."""
        return ([f"{self.segment}/b{k}" for k in range(self.buckets)]
                + [f"{self.segment}/{ord(ch):x}-{k}" for ch, split in self.heavy for k in range(split)])


LUNR_VERSION = "2.3.9"    # of site_config/search/lunr.min.js


def spool_postings(layout: Layout, path: Path, batch: list[tuple[int, str, str]]) -> dict[int, tuple[int, int]]:
    """Posting lines ("shard\ttoken\tfield\tref\toffsets") of pages (ref, title,
    body), written to the spool file `path` a group after another (see
    write_segments): the worker process writes them itself, so postings never
    pass through the parent. Returns where each group's lines are: (start,
    length) in bytes."""
    out: dict[int, list[str]] = defaultdict(list)
    place = _place(layout)
    for doc, title, body in batch:
        ref = _ref(doc)
        for fname, text in (("t", title), ("b", body)):
            for term, found in token_offsets(text).items():
                shard, group = place(term)
                out[group].append(f"{shard}\t{term}\t{fname}\t{ref}\t{','.join(map(str, found))}")
    stretches, start = {}, 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as spool:
        for group, lines in out.items():
            data = ("\n".join(lines) + "\n").encode("utf-8")
            spool.write(data)
            stretches[group], start = (start, len(data)), start + len(data)
    return stretches


def _group(shard: str) -> int:
    return fnv1a(shard) % SPOOL_GROUPS


@functools.lru_cache(maxsize=4)
def _place(layout: Layout):
    """token -> (shard, spool group), remembered: a worker sees the same
    tokens page after page."""
    @functools.lru_cache(maxsize=None)
    def place(token: str) -> tuple[str, int]:
        shard = layout.shard(token)
        return shard, _group(shard)
    return place


def _write_group(out: Path, stretches: list[tuple[Path, int, int]], shards: list[str],
                 compress: bool) -> list[tuple[str, bytes]]:
    """The shards of one spool group, written from its stretches of the spool
    files, in batch order (in a worker process); returns (shard, digest) of each."""
    lines: dict[str, list[str]] = {shard: [] for shard in shards}
    for path, start, length in stretches:
        with path.open("rb") as spool:
            spool.seek(start)
            for line in spool.read(length).decode("utf-8").splitlines():
                lines[line[:line.index("\t")]].append(line)
    return [(shard, put(out / "s" / f"{shard}.js", shard_script(shard, lines[shard]), compress))
            for shard in sorted(shards)]


def shard_script(name: str, lines: list[str]) -> str:
    """One shard in lunr's serialised index form, written as text: the
    inverted index term -> field -> ref -> offsets, terms in JavaScript
    string order (lunr.Index.load builds its token set from them in order).
    The worker reads only the inverted index and the token set, never lunr's
    scores, so fieldVectors stay empty, and a posting holds the offsets bare:
    lunr.Index.load keeps postings as they are, and {"p": …} wrappers and
    each term's "_index" (for the vectors) were a quarter of the bytes."""
    terms: dict[str, tuple[list[str], list[str]]] = {}
    for line in lines:
        term, fname, ref, offsets = line.split("\t")[1:]
        terms.setdefault(term, ([], []))[fname == "b"].append(f'"{ref}":[{offsets}]')
    inverted = ",".join(
        f'[{json.dumps(term, ensure_ascii=False)},{{"t":{{{",".join(terms[term][0])}}},'
        f'"b":{{{",".join(terms[term][1])}}}}}]'
        for term in sorted(terms, key=lambda t: t.encode("utf-16-be")))
    return (f'__pkb({json.dumps(f"s/{name}")},{{"version":"{LUNR_VERSION}","fields":["t","b"],'
            f'"fieldVectors":[],"invertedIndex":[{inverted}],"pipeline":[]}})\n')


def script(name: str, data) -> str:
    return f"__pkb({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))})\n"


def _ref(number: int) -> str:
    return format(number, "x")


def put(path: Path, text: str, compress: bool = False) -> bytes:
    """Write a file unless it already holds `text` (an incremental build keeps
    its time, so it is not compressed again); a new file, renamed into place,
    never written through a link shared with the live site; with `compress`,
    its .gz too, while the bytes are at hand. Returns the digest of `text`,
    for the index version."""
    data = text.encode("utf-8")
    if not (path.is_file() and path.read_bytes() == data):
        temp = path.with_name(f".{path.name}.tmp")
        try:
            temp.write_bytes(data)
        except FileNotFoundError:         # the folder's first file
            path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(data)
        os.replace(temp, path)
        if compress:
            write_gz(path, data)
    return hashlib.blake2b(data, digest_size=16).digest()


def _put_some(out: Path, first: int, end: int, compress: bool) -> list[bytes]:
    """put() the files first..end of what put_all shares."""
    return [put(out / f"{name}.js", text, compress) for name, text in shared()[first:end]]


@dataclass
class Index:
    """The state of search/pkb/ that meta.js records, and what is written."""
    out: Path
    rows: list[list] = field(default_factory=list)     # per ref: location, title, kind, jurisdiction, length, packs
    deleted: set[int] = field(default_factory=set)
    segments: list[Layout] = field(default_factory=list)
    base_docs: int = 0                                 # refs of the base segment
    base_packs: int = 0
    base_version: str = ""
    base_kept: bool = False                            # this build left the base's files alone
    rebuilt: set[str] = field(default_factory=set)     # base segments this build wrote again (retractions)
    written: set[Path] = field(default_factory=set)
    version: "hashlib._Hash" = field(default_factory=hashlib.sha256)
    compress: bool = False                             # write each file's .gz beside it

    def put_all(self, named: list[tuple[str, str]]) -> None:
        """Write files (name, text), on every core when they are many."""
        starts = range(0, len(named), PUT_CHUNK)
        digests = fork_map(_put_some, [self.out] * len(starts), starts, [k + PUT_CHUNK for k in starts],
                           [self.compress] * len(starts), min_items=4, share=named)
        for (name, _), digest in zip(named, (d for chunk in digests for d in chunk)):
            self.added(name, digest)

    def added(self, name: str, digest: bytes) -> None:
        self.written.add(self.out / f"{name}.js")
        self.version.update(digest)

    def base(self) -> list[Layout]:
        return [layout for layout in self.segments if layout.segment != DELTA]

    def phases(self) -> list[list[str]]:
        """Segment names in the order a query reads them: the first tier and
        the delta, then the other tiers."""
        base = [s.segment for s in self.base()]
        delta = [s.segment for s in self.segments if s.segment == DELTA]
        return [phase for phase in (base[:1] + delta, base[1:]) if phase]

    def live(self) -> dict[str, int]:
        return {row[0]: ref for ref, row in enumerate(self.rows) if ref not in self.deleted}


def _load_index(out: Path) -> Index | None:
    try:
        meta = _script_data(out / "meta.js")
        rows = [row for n in range(math.ceil(meta["docs"] / meta["chunk"])) for row in _script_data(out / "d" / f"{n}.js")]
        segments = [Layout(s["name"], s["buckets"], tuple(sorted(s["heavy"].items()))) for s in meta["segments"]]
        return Index(out, rows, set(meta["deleted"]), segments, **meta["base"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _texts(index: Index, refs: set[int]) -> dict[int, str]:
    """The text of pages of an index, from the packs holding it."""
    pieces: dict[tuple[int, int], str] = {}
    for pack in {n for ref in refs for n in index.rows[ref][5]}:
        for doc, piece, text in _script_data(index.out / "t" / f"{pack}.js"):
            pieces[doc, piece] = text
    return {ref: "".join(pieces[ref, k] for k in range(len(index.rows[ref][5]))) for ref in refs}


def indexed_pages(out: Path) -> dict[str, Page]:
    """The live pages of an index written earlier: location -> Page."""
    index = _load_index(out)
    if index is None:
        return {}
    live = index.live()
    texts = _texts(index, set(live.values()))
    return {loc: Page(loc, index.rows[ref][1], texts[ref], index.rows[ref][2], index.rows[ref][3])
            for loc, ref in live.items()}


def write_segments(index: Index, parts: list[tuple[str, list[tuple[int, Page]], Counter]]) -> list[Layout]:
    """The shards of segments (name, pages as (ref, page), their first_counts
    summed), the batches of all in one pool and then their shard groups in
    another: a pool per segment would leave a core idle at each one's end."""
    layouts = [Layout.of(name, counts) for name, _, counts in parts]
    spool = index.out.parent / ".spool"
    shutil.rmtree(spool, ignore_errors=True)
    batches = [(layout, spool / layout.segment / str(number), [(ref, p.title, p.body) for ref, p in pages[k:k + SPOOL_BATCH]])
               for layout, (_, pages, _) in zip(layouts, parts)
               for number, k in enumerate(range(0, len(pages), SPOOL_BATCH))]
    stretches: dict[tuple[str, int], list[tuple[Path, int, int]]] = defaultdict(list)
    for (layout, path, _), found in zip(batches, fork_map(spool_postings, *zip(*batches), min_items=2)):
        for group, (start, length) in found.items():
            stretches[layout.segment, group].append((path, start, length))
    groups = []
    for layout in layouts:
        by_group: dict[int, list[str]] = defaultdict(list)
        for shard in layout.every_shard():
            by_group[_group(shard)].append(shard)
        groups += [(index.out, stretches[layout.segment, group], by_group[group], index.compress)
                   for group in sorted(by_group)]
    for written in fork_map(_write_group, *zip(*groups), chunksize=4, min_items=16):
        for shard, digest in written:
            index.added(f"s/{shard}", digest)
    shutil.rmtree(spool, ignore_errors=True)
    return layouts


def write_packs(index: Index, pages: list[tuple[int, Page]], first: int) -> None:
    """Cut each page's text into PIECE-character pieces, packed in order into
    files of about PACK characters numbered from `first`; record in each
    page's row the pack of each piece."""
    pack, size, number, packs = [], 0, first, []

    def flush():
        nonlocal pack, size, number
        if pack:
            packs.append((f"t/{number}", script(f"t/{number}", pack)))
            pack, size, number = [], 0, number + 1

    for ref, page in pages:
        index.rows[ref][5] = []
        for piece, start in enumerate(range(0, max(1, len(page.body)), PIECE)):
            text = page.body[start:start + PIECE]
            if size + len(text) > PACK:
                flush()
            pack.append([ref, piece, text])
            size += len(text)
            index.rows[ref][5].append(number)
    flush()
    index.put_all(packs)
    return number


def _row(page: Page) -> list:
    return [page.location, page.title, page.kind, page.jurisdiction, len(page.body), []]


def ranked(locations: list[str]) -> list[str]:
    """Locations in static rank order (RANKED_FOLDERS), MkDocs' order kept within."""
    rank = {folder: n for n, folder in enumerate(("", *RANKED_FOLDERS))}
    return sorted(locations, key=lambda loc: rank.get(loc.split("/")[0] if "/" in loc else "", len(rank)))


def _full(out: Path, site_dir: Path, locations: list[str], tier_docs: int, known: dict, compress: bool) -> Index:
    """A new base: refs in rank order, a segment per tier."""
    index = Index(out, compress=compress)
    pages, counts = read_pages(site_dir, ranked(locations), tier_docs, known)
    index.rows = [_row(page) for page in pages]
    numbered = list(enumerate(pages))
    index.segments = write_segments(index, [(str(n), numbered[n * tier_docs:(n + 1) * tier_docs], tier_counts)
                                            for n, tier_counts in enumerate(counts)])
    index.base_docs, index.base_packs = len(pages), write_packs(index, numbered, 0)
    index.base_version = index.version.hexdigest()[:12]
    return index


def _retract(index: Index, refs: set[int], tier_docs: int) -> None:
    """Text a page no longer holds leaves every file the site serves: the rows of
    `refs` (base pages gone or changed) lose their title and location, the packs
    holding their text are written again without it, and their tiers' shards are
    written again from the pages still live (a tier is a bounded piece of the
    index: 2048 pages, whatever the corpus)."""
    if not refs:
        return
    for pack in sorted({n for ref in refs for n in index.rows[ref][5]}):
        entries = [e for e in _script_data(index.out / "t" / f"{pack}.js") if e[0] not in refs]
        index.added(f"t/{pack}", put(index.out / "t" / f"{pack}.js", script(f"t/{pack}", entries), index.compress))
    for ref in refs:
        index.rows[ref][0:2] = ["", ""]
        index.rows[ref][5] = []
    for tier in sorted({ref // tier_docs for ref in refs}):
        refs_of = [r for r in range(tier * tier_docs, min((tier + 1) * tier_docs, index.base_docs))
                   if r not in index.deleted]
        kept = _texts(index, set(refs_of))
        pages, counts = [], Counter()
        for ref in refs_of:
            loc, title, kind, jurisdiction = index.rows[ref][:4]
            pages.append((ref, Page(loc, title, kept[ref], kind, jurisdiction)))
            counts.update(page_counts(pages[-1][1]))
        (layout,) = write_segments(index, [(str(tier), pages, counts)])
        index.segments = [layout if s.segment == str(tier) else s for s in index.segments]
        index.rebuilt.add(str(tier))


def _incremental(index: Index, site_dir: Path, locations: list[str], changed: set[str],
                 tier_docs: int, known: dict) -> Index | None:
    """Update the index read from the previous build: None when a new base is due."""
    retracted = set(index.deleted)
    live = index.live()
    index.base_kept, index.version = True, hashlib.sha256(index.base_version.encode())
    present = set(locations)
    index.deleted |= {ref for loc, ref in live.items() if loc not in present}
    todo = [loc for loc in locations if loc in changed or loc not in live]
    fresh = dict(zip(todo, read_pages(site_dir, todo, known=known)[0]))
    old = _texts(index, {live[loc] for loc in todo if loc in live})
    for loc, page in fresh.items():
        ref = live.get(loc)
        if ref is not None and Page(loc, index.rows[ref][1], old[ref], *index.rows[ref][2:4]) == page:
            continue
        if ref is not None:
            index.deleted.add(ref)
        index.rows.append(_row(page))
    delta = [ref for ref in range(index.base_docs, len(index.rows)) if ref not in index.deleted]
    if len(delta) + len(index.deleted) > min(tier_docs, max(DELTA_MIN, DELTA_SHARE * len(locations))):
        return None
    _retract(index, {ref for ref in index.deleted - retracted if ref < index.base_docs}, tier_docs)
    kept = _texts(index, {ref for ref in delta if index.rows[ref][0] not in fresh})
    pages, counts = [], Counter()
    for ref in delta:
        loc, title, kind, jurisdiction = index.rows[ref][:4]
        page = fresh[loc] if loc in fresh else Page(loc, title, kept[ref], kind, jurisdiction)
        pages.append((ref, page))
        counts.update(page_counts(page))
    index.segments = index.base() + (write_segments(index, [(DELTA, pages, counts)]) if pages else [])
    write_packs(index, pages, index.base_packs)
    return index


def build_search(site_dir: Path, locations: list[str], aliases: dict[str, list[str]] | None = None,
                 changed: set[str] | None = None, tier_docs: int = TIER_DOCS,
                 known: dict[str, tuple[Page, Counter]] | None = None, compress: bool = False,
                 lexicon: dict | None = None, facets: dict | None = None) -> dict:
    """Write search/pkb/ into a built site for the pages at `locations` (in
    MkDocs' order), in tiers of `tier_docs` pages, and search/ui/ (the
    results page's and the lists' filters); return figures about it.
    With `changed` (the locations this build rendered again), update the
    index the folder already holds. `known`: page_facts of pages as they
    were written, by page_path; other pages are read from their files.
    `compress`: write each file's .gz too. `aliases`, `lexicon`, `facets`:
    see search_inputs."""
    site_dir = Path(site_dir)
    out = site_dir / OUT
    locations = [loc for loc in locations if page_path(loc) != RESULTS_PAGE]   # the results page holds no text
    previous = _load_index(out) if changed is not None else None
    if previous:
        previous.compress = compress
    index = previous and _incremental(previous, site_dir, locations, changed, tier_docs, known)
    if index is None:
        index = _full(out, site_dir, locations, tier_docs, known, compress)
    index.put_all([(f"d/{start // DOCS_PER_CHUNK}", script(f"d/{start // DOCS_PER_CHUNK}", index.rows[start:start + DOCS_PER_CHUNK]))
                   for start in range(0, len(index.rows), DOCS_PER_CHUNK)])
    meta = {"v": index.version.hexdigest()[:12], "segments": [s.meta() for s in index.segments],
            "phases": index.phases(),
            "deleted": sorted(index.deleted), "docs": len(index.rows), "chunk": DOCS_PER_CHUNK,
            "piece": PIECE, "base": {"base_docs": index.base_docs, "base_packs": index.base_packs,
                                    "base_version": index.base_version},
            **query_data(aliases, lexicon)}
    texts = {asset: (ASSETS / asset).read_text(encoding="utf-8") for asset in ("worker.js", "lunr.min.js")}
    for name, text in {**texts, "meta.js": script("meta", meta)}.items():
        put(out / name, text, index.compress)
        index.written.add(out / name)
    _remove_unwritten(out, index)
    ui = {asset: (ASSETS / asset).read_text(encoding="utf-8") for asset in UI_ASSETS}
    ui["facets.js"] = script("facets", {"docs": facets or {}, "folders": list(DOCUMENT_FOLDERS)})
    for name, text in ui.items():
        put(site_dir / UI_OUT / name, text, compress)
    return {"pages": len(index.rows) - len(index.deleted), "segments": len(index.segments),
            "tiers": len(index.base()),
            "deleted": len(index.deleted), "version": meta["v"]}


def _remove_unwritten(out: Path, index: Index) -> None:
    """Files of the previous index this one no longer uses, and their
    compressed copies; a base this build kept stays whole (its shard folders
    are not even listed: they hold most of the index's files)."""
    written = {str(path) for path in index.written}
    kept_shards = {str(out / "s" / s.segment) for s in index.base() if s.segment not in index.rebuilt} \
        if index.base_kept else set()
    for folder, subfolders, names in os.walk(out):
        subfolders[:] = [d for d in subfolders if os.path.join(folder, d) not in kept_shards]
        in_packs = folder == str(out / "t")
        for name in names:
            path = os.path.join(folder, name)
            if path in written or name.endswith(".gz"):
                continue
            if index.base_kept and in_packs and int(name.split(".")[0]) < index.base_packs:
                continue
            os.unlink(path)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path + ".gz")
