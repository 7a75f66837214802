"""Search benchmark: `python -m bench.search` (from the repository root, with
the project's venv). Builds the site, then runs the same queries through four
engines over the same pages in Debian's headless Chromium behind nginx:

    policykb        our index and worker behind Material's header box
    material        Material's built-in search (lunr, no segmentation)
    material+jieba  the same with jieba installed (Material segments Chinese)
    pagefind        Pagefind over the same HTML (its JS API: its UI shows 5 hits)

Queries (>= 300, seeded): words, phrases across word boundaries, unit names,
unit aliases, two-term queries; and, reported apart, queries written without
spaces (a place, unit, indicator or word run together with another:
淄川区孕产妇死亡率, 槐荫区区妇联) and the colloquial short or former names of
departments (计生局, 人社局, 区环保局) from site_config/search/department_names.yml
(`--colloquial FILE`: another list of such names, one a line). A page is
relevant when the reader's text of its article (innerText, read in the
browser, without the blocks of class pk-related: lists of links to other
items) contains every term of the query (every part of a query without
spaces), where a term that is a unit's name or alias may appear as any name
of that unit (卫健局 finds 区卫生健康局 and the other way round), and a
colloquial name as any name the dictionary gives it (计生局: 卫生健康局,
卫健局, 人口和计划生育局, and the units so named).

jieba (for the material+jieba baseline and for picking words) and pagefind
are installed into build/bench-search/ only, never into the venv: with jieba
importable, Material's search plugin segments every build (slow, and not
what the site ships).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from browser import CHROMIUM, CHROMIUM_ARGS, serve_with_nginx  # noqa: E402

from generator.build.search import HAN, Names, alias_table, department_names, fold  # noqa: E402

WORK = ROOT / "build" / "bench-search"
ENGINES = ("policykb", "material", "material+jieba", "pagefind")
OLD_KINDS = ("word", "phrase", "unit", "alias", "two-term")
NEW_KINDS = ("no-space", "colloquial")
KINDS = OLD_KINDS + NEW_KINDS
COUNTS = {"word": 80, "phrase": 80, "unit": 60, "alias": 40, "two-term": 60, "no-space": 80, "colloquial": 120}
# no-space queries by what is run together: (first, second) -> how many
NO_SPACE = {("place", "unit"): 25, ("place", "metric"): 20, ("place", "word"): 15,
            ("unit", "metric"): 10, ("word", "word"): 10}
SEARCH_PATHS = {"policykb": re.compile(r"/search/pkb/"), "pagefind": re.compile(r"/pagefind/"),
                "material": re.compile(r"/(search/|assets/javascripts/workers/search)")}
SEARCH_PATHS["material+jieba"] = SEARCH_PATHS["material"]
UNIT_NAME = re.compile("(?:区|县|市)[\u4e00-\u9fff]{2,12}?(?:局|委员会|办公室|委|办|中心|分局|工会|妇联|团区委|法院|检察院)")


# --- build ----------------------------------------------------------------------------

def pip_target(package: str) -> Path:
    target = WORK / "py"
    if not (target / package).exists():
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", str(target), package], check=True)
    return target


def pagefind_binary() -> Path:
    npm = WORK / "npm"
    binary = npm / "node_modules" / ".bin" / "pagefind"
    if not binary.exists():
        npm.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(npm), "--no-audit", "--no-fund", "pagefind@1"], check=True)
    return binary


def build_sites() -> tuple[Path, dict[str, Path]]:
    """Our site (build/bench-search/site), and the search_index.json Material
    writes for the same pages, without and with jieba importable. Our site's
    own Material index is empty (the policykb plugin): these builds of the
    Markdown our build left leave the plugin out."""
    import yaml
    from generator.model import load_corpus
    from generator.build import build
    site = WORK / "site"
    build(ROOT / "content", site, corpus=load_corpus(ROOT / "content"), work=WORK / "build")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(WORK / "build" / "docs")   # where the build leaves the Markdown
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["plugins"] = [p for p in config["plugins"] if "policykb" not in p]
    indexes = {}
    for name, path in (("material", []), ("material+jieba", [str(pip_target("jieba"))])):
        folder = WORK / f"site-{name}"
        config.update(site_dir=str(folder), strict=False)
        config_file = WORK / f"mkdocs-{name}.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(path), "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)],
                       check=True, env=env, cwd=ROOT)
        indexes[name] = folder / "search" / "search_index.json"
    return site, indexes


def variant(site: Path, name: str, indexes: dict[str, Path]) -> Path:
    """A copy of the site whose search box runs Material's own search."""
    out = WORK / "variants" / name
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(site, out)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        stripped = re.sub(r'<script id="policykb-search">.*?</script>', "", html, flags=re.S)
        if stripped != html:
            page.write_text(stripped, encoding="utf-8")
            regzip(page)
    if name in indexes:
        shutil.copyfile(indexes[name], out / "search" / "search_index.json")
        regzip(out / "search" / "search_index.json")
    if name == "pagefind":
        subprocess.run([str(pagefind_binary()), "--site", str(out), "--root-selector", "article",
                        "--quiet"], check=True)
    return out


def regzip(path: Path) -> None:
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))


# --- reader's text and queries ----------------------------------------------------------

def page_keys(material_index: Path) -> list[str]:
    index = json.loads(material_index.read_text(encoding="utf-8"))
    return list(dict.fromkeys(d["location"] for d in index["docs"] if "#" not in d["location"]))


def normal(text: str) -> str:
    """Folded, ¶ dropped, no space between two Han characters (a wrapped line)."""
    text = fold(text.replace("¶", ""))
    return re.sub(f"(?<={HAN.pattern}) +(?={HAN.pattern})", "", text)


def read_texts(browser, base: str, keys: list[str]) -> dict[str, str]:
    page = browser.new_page()
    texts = {}
    for key in keys:
        page.goto(base + key)
        # what no search engine should index: blocks the page marks as lists of other pages
        page.evaluate("document.querySelectorAll('article .pk-related').forEach(e => e.style.display = 'none')")
        texts[key] = normal(page.locator("article").first.inner_text())
    page.close()
    return texts


def make_queries(texts: dict[str, str], aliases: dict[str, list[str]], lexicon: dict[str, list[str]],
                 colloquial: list[str] | None = None, seed: int = 7) -> list[dict]:
    sys.path.insert(0, str(pip_target("jieba")))
    import jieba
    jieba.setLogLevel(60)
    rng = random.Random(seed)
    lines = [line for text in texts.values() for line in text.split("\n") if len(line) >= 12]
    words: dict[str, int] = {}
    for line in rng.sample(lines, min(len(lines), 3000)):
        for w in jieba.cut(line):
            if 2 <= len(w) <= 4 and all(HAN.match(c) for c in w):
                words[w] = words.get(w, 0) + 1
    pool = sorted(words)
    queries = [{"kind": "word", "q": w} for w in rng.sample(pool, COUNTS["word"])]
    phrases: set[str] = set()
    while len(phrases) < COUNTS["phrase"]:
        line = rng.choice(lines)
        size = rng.randint(4, 8)
        start = rng.randrange(0, max(1, len(line) - size))
        piece = line[start:start + size]
        if len(piece) == size and all(HAN.match(c) for c in piece) and len(list(jieba.cut(piece))) >= 2:
            phrases.add(piece)
    queries += [{"kind": "phrase", "q": p} for p in sorted(phrases)]
    text = "\n".join(texts.values())
    units = sorted({m.group(0) for m in UNIT_NAME.finditer(text)})
    queries += [{"kind": "unit", "q": u} for u in rng.sample(units, min(COUNTS["unit"], len(units)))]
    table = alias_table(aliases, Names([]))      # the registries' names alone, as before the dictionary
    names = {n for n, alts in aliases.items()} | {a for alts in aliases.values() for a in alts}
    short = sorted(k for k in table if k not in {fold(n) for n in aliases})
    short = [k for k in short if k in text] or sorted(names)
    for key in rng.sample(short, min(COUNTS["alias"], len(short))):
        queries.append({"kind": "alias", "q": key})
    pairs: set[tuple[str, str]] = set()
    tries = 0
    while len(pairs) < COUNTS["two-term"] and tries < 100000:
        tries += 1
        a, b = rng.sample(pool, 2)
        if a not in b and b not in a and any(a in t and b in t for t in texts.values()):
            pairs.add((a, b))
    queries += [{"kind": "two-term", "q": f"{a} {b}"} for a, b in sorted(pairs)]
    queries += no_space_queries(rng, texts, aliases, lexicon, pool)
    queries += colloquial_queries(rng, colloquial)
    return queries


def no_space_queries(rng, texts: dict[str, str], aliases: dict[str, list[str]], lexicon: dict[str, list[str]],
                     words: list[str]) -> list[dict]:
    """Two known things run together as readers type them (淄川区孕产妇死亡率):
    a place with a unit, an indicator or a word, a unit with an indicator, two
    words that never stand together in the text. Kept when some page holds both."""
    text = "\n".join(texts.values())
    table = alias_table(aliases)
    kinds = {"place": [p for p in lexicon["places"] if len(p) >= 3 and p in text],
             "unit": sorted({fold(n) for n in aliases} | set(lexicon["units"])),
             "metric": [m for m in lexicon["metrics"] if all(HAN.match(c) for c in m) and m in text],
             "word": words}
    kinds["unit"] = [u for u in kinds["unit"] if len(u) >= 3 and u in text and not u.startswith("各")]
    out, seen = [], set()
    for (first, second), count in NO_SPACE.items():
        made, tries = 0, 0
        while made < count and tries < 20000:
            tries += 1
            a, b = rng.choice(kinds[first]), rng.choice(kinds[second])
            if a in b or b in a or a + b in seen:
                continue
            if first == second == "word" and (a + b) in text:
                continue               # 儿童发展 is a phrase of its own, not two words
            query = {"kind": "no-space", "q": a + b, "terms": [a, b], "shape": f"{first}+{second}"}
            if not relevant(query, texts, table):
                continue
            seen.add(a + b)
            out.append(query)
            made += 1
    return out


def colloquial_queries(rng, colloquial: list[str] | None) -> list[dict]:
    """The dictionary's short and former names (or the names of `colloquial`),
    and some with a level (区 / 市 / 县) before them as a reader says them."""
    names = department_names()
    shorts = colloquial or sorted({fold(e["short"]) for e in names.entries})
    queries = [{"kind": "colloquial", "q": q} for q in shorts]
    if not colloquial:
        queries += [{"kind": "colloquial", "q": level + q} for q in rng.sample(shorts, min(40, len(shorts)))
                    for level in [rng.choice("区市县")] if q.endswith(("局", "委", "办"))]
    return queries


def names_of(term: str, table: dict[str, list[str]], rules: dict[str, list[str]]) -> list[str]:
    """Every name a query term stands for: itself, the names of its unit
    (table), and those the department dictionary gives a term that ends with
    one of its names (区计生局: 区卫生健康局, 区卫健局 … and their units)."""
    term = fold(term)
    found = [term] + table.get(term, [])
    ending = max((t for t in rules if term.endswith(t)), key=len, default=None)
    if ending:
        head = term[:len(term) - len(ending)]
        for name in rules[ending]:
            found += [head + name] + table.get(head + name, [])
    return list(dict.fromkeys(found))


def relevant(query: dict, texts: dict[str, str], table: dict[str, list[str]],
             rules: dict[str, list[str]] | None = None) -> set[str]:
    """Pages whose text has every term (every part of a query without spaces);
    a term that names a unit (full name or alias) is found by any name of that
    unit, and a colloquial department name by the names the dictionary gives it."""
    terms = query.get("terms") or query["q"].split()
    rules = department_names().rules() if rules is None else rules
    names = [names_of(t, table, rules) for t in terms]
    return {k for k, text in texts.items() if all(any(n in text for n in group) for group in names)}


# --- running queries in the browser ---------------------------------------------------

CAPTURE = """(() => {
  const Native = window.Worker
  window.__bench = { seq: 0, items: [], partial: false }
  window.Worker = function (url, options) {
    const worker = new Native(url, options)
    worker.addEventListener("message", event => {
      const m = event.data
      if (m && m.type === 3) {
        __bench.items = m.data.items.map(group => group.map(doc => doc.location))
        __bench.partial = !!m.data.partial
        __bench.seq++
      }
    })
    return worker
  }
})()"""

MATERIAL_QUERY = """async ([q, first]) => {
  const input = document.querySelector("input.md-search__input")
  const box = document.querySelector(".md-search-result")
  const seq = __bench.seq
  return await new Promise(resolve => {
    let t0, firstMs = null
    const timer = setTimeout(() => { observer.disconnect(); resolve({ ms: null, items: [] }) }, 20000)
    const observer = new MutationObserver(() => {
      // a tiered index answers twice: first from its first tier (partial), then in full
      if (__bench.seq > seq && firstMs === null) firstMs = performance.now() - t0
      if (__bench.seq > seq && (first || !__bench.partial)) {
        const ms = performance.now() - t0
        observer.disconnect(); clearTimeout(timer)
        resolve({ ms, firstMs, items: __bench.items })
      }
    })
    observer.observe(box, { childList: true, subtree: true, characterData: true })
    input.value = q
    t0 = performance.now()
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
  })
}"""

PAGEFIND_FOCUS = """async () => {
  const base = new URL(JSON.parse(document.getElementById("__config").textContent).base, location)
  window.__pf = await import(new URL("pagefind/pagefind.js", base).href)
  await window.__pf.init()
}"""

PAGEFIND_QUERY = """async (q) => {
  const t0 = performance.now()
  const search = await __pf.search(q)
  const top = await Promise.all(search.results.slice(0, 10).map(r => r.data()))
  const ms = performance.now() - t0
  const rest = await Promise.all(search.results.slice(10).map(r => r.data()))
  return { ms, items: top.concat(rest).map(d => [d.url]) }
}"""


def normalize_location(location: str, prefix: str) -> str:
    path = location.split("#")[0]
    if path.startswith(prefix):
        path = path[len(prefix):]
    return re.sub(r"(^|/)index\.html$", r"\1", path)


class Engine:
    def __init__(self, browser, name: str, base: str, prefix: str, start_page: str):
        self.name, self.base, self.prefix = name, base, prefix
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.page.add_init_script(CAPTURE)
        self.page.goto(base + start_page)
        self.page.wait_for_load_state("networkidle")

    def focus(self):
        if self.name == "pagefind":
            self.page.evaluate(PAGEFIND_FOCUS)
        else:
            self.page.locator("input.md-search__input").click()
        self.page.wait_for_load_state("networkidle")

    def query(self, q: str, first: bool = False) -> tuple[float | None, list[str]]:
        """Type `q`; (ms, result locations) of the complete results, or with
        `first` of the first results shown. self.first_ms: the ms to the
        first results shown (a tiered index shows its first tier's first)."""
        if self.name == "pagefind":
            result = self.page.evaluate(PAGEFIND_QUERY, q)
        else:
            result = self.page.evaluate(MATERIAL_QUERY, [q, first])
        pages = []
        for group in result["items"]:
            key = normalize_location(group[0], self.prefix)
            if key not in pages:
                pages.append(key)
        self.first_ms = result.get("firstMs", result["ms"])
        return result["ms"], pages

    def close(self):
        self.context.close()


def search_bytes(log: str, engine: str) -> int:
    """Body bytes nginx sent for search files (combined log format)."""
    total = 0
    for line in log.splitlines():
        m = re.search(r'"GET (\S+) [^"]*" (\d{3}) (\d+)', line)
        if m and SEARCH_PATHS[engine].search(m.group(1)):
            total += int(m.group(3))
    return total


def first_load(browser, name: str, served, start_page: str, samples: list[str]) -> dict:
    """Fresh context per sample query: search bytes before focus, from focus
    until the first results show, and until the complete results (the same
    for an index without tiers)."""
    before, until, complete = [], [], []
    for q in samples:
        mark = len(served.access_log())
        engine = Engine(browser, name, served.url, "/zhengce/", start_page)
        log = served.access_log()
        before.append(search_bytes(log[mark:], name))
        mark = len(log)
        engine.focus()
        engine.query(q, first=True)
        # at once: the later tiers wait for a typing pause (worker.js LATER_MS)
        until.append(search_bytes(served.access_log()[mark:], name))
        if name == "policykb":
            engine.page.wait_for_function("!__bench.partial", timeout=20_000)
        engine.page.wait_for_load_state("networkidle")
        complete.append(search_bytes(served.access_log()[mark:], name))
        engine.close()
    return {"before_focus": max(before), "first_results_median": statistics.median(until),
            "first_results_max": max(until), "complete_median": statistics.median(complete)}


def p95(values: list[float]) -> float:
    values = sorted(v for v in values if v is not None)
    return values[min(len(values) - 1, int(0.95 * len(values)))] if values else float("nan")


GROUPS = {"literal": ("word", "phrase", "unit", "two-term"), "old kinds": OLD_KINDS, "new kinds": NEW_KINDS,
          "all": KINDS}


def score(queries, runs, texts) -> dict:
    rows = {}
    for kind in KINDS + tuple(GROUPS):
        chosen = [i for i, q in enumerate(queries) if q["kind"] in GROUPS.get(kind, (kind,))]
        found = rel_total = returned = good = zero = 0
        top_precisions = []
        for i in chosen:
            rel = queries[i]["relevant"]
            got = [p for p in runs[i] if p in texts]
            hits = [p for p in got if p in rel]
            found += len(set(hits))
            rel_total += len(rel)
            returned += len(got)
            good += len(hits)
            zero += not got
            if got:
                top = got[:10]
                top_precisions.append(sum(p in rel for p in top) / len(top))
        rows[kind] = {"queries": len(chosen), "recall": found / max(1, rel_total),
                      "precision": good / max(1, returned), "p@10": statistics.mean(top_precisions or [0]),
                      "zero": zero / max(1, len(chosen))}
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the last build and its pages' texts (worker changes only)")
    parser.add_argument("--json", type=Path, default=WORK / "results.json")
    parser.add_argument("--colloquial", type=Path, help="colloquial department names to ask, one a line "
                        "(default: the dictionary's own)")
    args = parser.parse_args(argv)
    colloquial = None
    if args.colloquial:
        colloquial = [line.strip() for line in args.colloquial.read_text(encoding="utf-8").splitlines() if line.strip()]
    engines = args.engines.split(",")
    WORK.mkdir(parents=True, exist_ok=True)

    t = time.time()
    if args.reuse and (WORK / "site").exists():
        from generator.build.search import ASSETS, OUT
        site = WORK / "site"
        indexes = {name: WORK / f"site-{name}" / "search" / "search_index.json" for name in ENGINES[1:3]}
        for asset in ("worker.js", "lunr.min.js"):
            shutil.copyfile(ASSETS / asset, site / OUT / asset)
            regzip(site / OUT / asset)
    else:
        site, indexes = build_sites()
    print(f"built the site and the jieba index in {time.time() - t:.0f} s", flush=True)
    from generator.model import load_corpus
    from generator.build.search import search_lexicon, unit_aliases
    corpus = load_corpus(ROOT / "content")
    aliases, lexicon = unit_aliases(corpus.units.values()), search_lexicon(corpus)
    keys = page_keys(indexes["material"])

    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        saved = WORK / "texts.json"       # the pages' texts of the last build, which --reuse keeps
        if args.reuse and saved.exists():
            texts = json.loads(saved.read_text(encoding="utf-8"))
        else:
            with serve_with_nginx(site) as served:
                texts = read_texts(browser, served.url, keys)
            saved.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        queries = make_queries(texts, aliases, lexicon, colloquial)
        table = alias_table(aliases)
        for q in queries:
            q["relevant"] = sorted(relevant(q, texts, table))
        queries = [q for q in queries if q["relevant"]]
        print(f"{len(keys)} pages, {len(queries)} queries", flush=True)
        samples = [next(q["q"] for q in queries if q["kind"] == k) for k in KINDS]
        start_page = keys[min(1, len(keys) - 1)]
        results = {}
        for name in engines:
            folder = site if name == "policykb" else variant(site, name, indexes)
            with serve_with_nginx(folder) as served:
                loads = first_load(browser, name, served, start_page, samples)
                engine = Engine(browser, name, served.url, "/zhengce/", start_page)
                engine.focus()
                cold = [engine.query(q["q"]) for q in queries]
                warm = [engine.query(q["q"]) for q in queries]
                engine.close()
            rows = score(queries, [pages for _, pages in cold], texts)
            results[name] = {"rows": rows, "bytes": loads,
                             "p95_cold_ms": p95([ms for ms, _ in cold]),
                             "p95_warm_ms": p95([ms for ms, _ in warm]),
                             "runs": {q["q"]: pages for q, (_, pages) in zip(queries, cold)}}
            print(f"{name}: done", flush=True)
        browser.close()
    args.json.write_text(json.dumps({"queries": queries, "results": results}, ensure_ascii=False, indent=1),
                         encoding="utf-8")
    print(report(results, queries))
    return 0


def report(results: dict, queries: list[dict]) -> str:
    names = list(results)
    out = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]

    def line(label, fn):
        out.append(f"| {label} | " + " | ".join(fn(results[n]) for n in names) + " |")

    for kind in KINDS + tuple(GROUPS):
        n = results[names[0]]["rows"][kind]["queries"]
        line(f"recall, {kind} ({n})", lambda r, k=kind: f"{r['rows'][k]['recall']:.1%}")
    for group in ("old kinds", "new kinds", "all"):
        line(f"precision, {group}", lambda r, g=group: f"{r['rows'][g]['precision']:.1%}")
        line(f"precision of first 10, {group}", lambda r, g=group: f"{r['rows'][g]['p@10']:.1%}")
        line(f"zero-result rate, {group}", lambda r, g=group: f"{r['rows'][g]['zero']:.1%}")
    line("search bytes before focus", lambda r: f"{r['bytes']['before_focus'] / 1024:.1f} KiB")
    line(f"search bytes to first results (median / max of {len(KINDS)})",
         lambda r: f"{r['bytes']['first_results_median'] / 1024:.0f} / {r['bytes']['first_results_max'] / 1024:.0f} KiB")
    line("p95 latency, cold / warm", lambda r: f"{r['p95_cold_ms']:.1f} / {r['p95_warm_ms']:.1f} ms")
    return "\n".join(out)


if __name__ == "__main__":
    raise SystemExit(main())
