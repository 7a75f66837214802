"""Scale benchmark: `python -m bench.scale` (from the repository root, with the
project's venv). For each scale (1x, 5x, 20x by default) it makes a corpus
from the five seed gazettes (1x: the seeds; Nx: N copies of each, every copy
renamed to a new jurisdiction, so units, documents and pages multiply), then
measures, each step in its own process (peak RSS from wait4):

    import      `policykb import` of every gazette
    build       `policykb build`'s phases (load, pages, write, mkdocs, search,
                swap) from a clean output
    bare        plain `mkdocs build --strict` of the same Markdown: the
                generator's overhead is build total minus this. With
                --repeat N, build and bare take turns N times, each from a
                clean folder, and the median run of each is reported (a
                machine whose timings wander by more than the overhead
                needs it). Nothing is deleted until the benchmark ends
                (discard): on this machine's disk a run just after a
                large delete is slowed by it
    edit        an incremental rebuild after one document's title changed
    site        pages, bytes, median page HTML, search bytes from focusing the
                box until the first results and until the complete results
                (a tiered index shows its first tier first), p95 query
                latency (headless Chromium behind nginx, as bench.search does)

Results go to build/bench-scale/results.json and a table on stdout.
"""

from __future__ import annotations

import argparse
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

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "bench-scale"
TRASH = WORK / ".trash"
SEEDS = ROOT / "content"
PYTHON = sys.executable
# Made-up place names for the copies: first x second character.
FIRST, SECOND = "青松柏桃柳梅竹兰菊荷", "山河湖泉溪林原阳谷岭"
QUERIES = 40


# --- corpora -------------------------------------------------------------------------

def core(jur: dict) -> str:
    """The place name without its level: 淄川 of 淄川区, 烟台 of 烟台市."""
    short = jur["short_name"]
    return short[: -len(jur["level"])] if short.endswith(jur["level"]) else short


def make_corpus(scale: int, folder: Path) -> Path:
    """content/ with the seeds' registry and sources, and scale-1 renamed copies of each."""
    content = folder / "content"
    discard(content)
    (content / "sources").mkdir(parents=True)
    seeds = yaml.safe_load((SEEDS / "jurisdictions.yml").read_text(encoding="utf-8"))
    registry = []
    for copy in range(scale):
        for i, jur in enumerate(seeds):
            if copy == 0:
                new, name = dict(jur), core(jur)
            else:
                n = (copy - 1) * len(seeds) + i
                name = FIRST[n // len(SECOND) % len(FIRST)] + SECOND[n % len(SECOND)]
                new = dict(jur, id=f"{jur['id']}{copy + 1:02d}", short_name=name + jur["level"],
                           name=jur["name"].replace(core(jur), name))
            registry.append(new)
            for source in sorted((SEEDS / "sources").glob(f"{jur['id']}-*.txt")):
                text = source.read_text(encoding="utf-8").replace(core(jur), name)
                stem = new["id"] + source.stem[len(jur["id"]):]
                (content / "sources" / f"{stem}.txt").write_text(text, encoding="utf-8")
    (content / "jurisdictions.yml").write_text(
        yaml.safe_dump(registry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return content


# --- measured processes ----------------------------------------------------------------

def measured(args: list[str], log: Path) -> dict:
    """Run a command; its wall time and peak RSS (its own and its children's)."""
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
                                env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}), see {log}")
    return {"seconds": time.perf_counter() - started, "peak_rss_mb": usage.ru_maxrss / 1024}


def build_in_process(content: Path, output: Path, full: bool, report: Path) -> None:
    """The child side of `measured` for a build: the phase timings to `report`."""
    from generator import build
    timings: dict = {}
    build.build(content, output, incremental=not full, timings=timings, work=output.parent / "build")
    report.write_text(json.dumps(timings), encoding="utf-8")


def timed_build(folder: Path, full: bool, name: str) -> dict:
    report = folder / f"{name}.json"
    run = measured([PYTHON, "-m", "bench.scale", "--child-build", str(folder / "content"),
                    str(folder / "site"), "full" if full else "incremental", str(report)],
                   folder / f"{name}.log")
    return {**run, **json.loads(report.read_text(encoding="utf-8"))}


def bare_mkdocs(folder: Path) -> dict:
    """`mkdocs build --strict` of the generated Markdown, with the project's mkdocs.yml."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(folder / "build" / "docs")
    config["site_dir"] = str(folder / "bare")
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    # the project's plugin on the Markdown as it is: Material's index left empty, ours made after
    config["plugins"] = [p if "policykb" not in p else {"policykb": {"content": str(folder / "content"),
                                                                      "generate": False}}
                         for p in config["plugins"]]
    path = folder / "mkdocs-bare.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    discard(folder / "bare")
    run = measured([str(Path(PYTHON).with_name("mkdocs")), "build", "--strict", "-q", "-f", str(path)],
                   folder / "bare.log")
    discard(folder / "bare")
    return run


def edit_one_document(content: Path) -> Path:
    """Change the title of the first seed's first issued policy."""
    path = sorted((content / "documents").glob("*/*-01-1.yml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: ", "title: 改", text, count=1, flags=re.M), encoding="utf-8")
    return path


# --- the built site ---------------------------------------------------------------------

def site_figures(site: Path, docs: Path) -> dict:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    files = [p for p in site.rglob("*") if p.is_file()]
    return {"pages": sum(1 for _ in docs.rglob("*.md")),
            "site_mb": sum(p.stat().st_size for p in files) / 2**20,
            "site_files": len(files),
            "page_html_median_kb": statistics.median(p.stat().st_size for p in pages) / 1024,
            "page_html_max_kb": max(p.stat().st_size for p in pages) / 1024}


def sample_queries(docs: Path, jurisdictions: list[str]) -> list[str]:
    """Words of the seed jurisdictions' document titles (the same at every scale)."""
    rng = random.Random(11)
    titles = []
    for page in sorted((docs / "documents").glob("*.md")):
        if page.stem.split("-")[0] in jurisdictions:
            m = re.search(r'^title: "(.*)"$', page.read_text(encoding="utf-8"), re.M)
            titles += re.findall("[\u4e00-\u9fff]{4,}", m.group(1)) if m else []
    out = []
    while len(out) < QUERIES and titles:
        run = rng.choice(titles)
        size = rng.choice((2, 2, 3, 4))
        start = rng.randrange(0, len(run) - size + 1)
        out.append(run[start:start + size])
    return out


def search_figures(site: Path, queries: list[str]) -> dict:
    sys.path[:0] = [str(ROOT / "tests")]
    from bench.search.__main__ import CHROMIUM, CHROMIUM_ARGS, Engine, first_load, p95, serve_with_nginx
    from playwright.sync_api import sync_playwright
    start = "documents/"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with serve_with_nginx(site) as served:
            loads = first_load(browser, "policykb", served, start, queries[:5])
            engine = Engine(browser, "policykb", served.url, "/zhengce/", start)
            engine.focus()
            cold, cold_first = [], []
            for q in queries:
                cold.append(engine.query(q)[0])
                cold_first.append(engine.first_ms)
            warm = [engine.query(q)[0] for q in queries]
            engine.close()
        browser.close()
    return {"search_first_kb": loads["first_results_median"] / 1024,
            "search_first_max_kb": loads["first_results_max"] / 1024,
            "search_complete_kb": loads["complete_median"] / 1024,
            "p95_first_cold_ms": p95(cold_first), "p95_cold_ms": p95(cold), "p95_warm_ms": p95(warm)}


# --- one scale ---------------------------------------------------------------------------

def clean(folder: Path) -> None:
    """A scale's folder as make_corpus left it: no site, build or spare folders."""
    for stale in [folder / "site", folder / "build", *folder.glob(".*")]:
        discard(stale)


def discard(path: Path) -> None:
    """Move a folder to TRASH, emptied when the benchmark ends. Ext4 without a
    journal (this machine's disk) passes over inodes freed in the last 60 s
    (360 s while their table block is unwritten) when it makes a file: a run
    just after 30 000 files were deleted spends seconds of system time
    looking for inodes, more the more files it makes."""
    if path.exists():
        TRASH.mkdir(parents=True, exist_ok=True)
        path.rename(TRASH / f"{len(list(TRASH.iterdir()))}-{path.name}")


def median_run(runs: list[dict]) -> dict:
    return {**sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2], "runs": [r["seconds"] for r in runs]}


def full_and_bare(folder: Path, repeat: int) -> tuple[dict, dict]:
    """The full build and the bare MkDocs run, `repeat` times by turns."""
    builds, bares = [], []
    for _ in range(repeat):
        clean(folder)
        builds.append(timed_build(folder, True, "build"))
        bares.append(bare_mkdocs(folder))
    return median_run(builds), median_run(bares)


def run_scale(scale: int, search: bool, repeat: int = 1) -> dict:
    folder = WORK / f"x{scale}"
    folder.mkdir(parents=True, exist_ok=True)
    content = make_corpus(scale, folder)
    clean(folder)
    row: dict = {"scale": scale, "gazettes": len(list((content / "sources").glob("*.txt")))}
    print(f"x{scale}: import", flush=True)
    row["import"] = measured([PYTHON, "-m", "generator", "--content", str(content), "import"],
                             folder / "import.log")
    print(f"x{scale}: build and bare mkdocs" + (f", {repeat} times" if repeat > 1 else ""), flush=True)
    row["build"], row["bare"] = full_and_bare(folder, repeat)
    docs = folder / "build" / "docs"
    row["site"] = site_figures(folder / "site", docs)
    if search:
        print(f"x{scale}: search", flush=True)
        seeds = [j["id"] for j in yaml.safe_load((SEEDS / "jurisdictions.yml").read_text(encoding="utf-8"))]
        row["site"].update(search_figures(folder / "site", sample_queries(docs, seeds)))
    print(f"x{scale}: one-document edit", flush=True)
    row["edited"] = str(edit_one_document(content).relative_to(folder))
    row["edit"] = timed_build(folder, False, "edit")
    row["nothing_changed"] = timed_build(folder, False, "again")
    return row


# --- report -------------------------------------------------------------------------------

def table(rows: list[dict]) -> str:
    def f(value, digits=1):
        return f"{value:.{digits}f}" if isinstance(value, float) else str(value)

    lines = [("", *[f"{r['scale']}x" for r in rows])]

    def add(label, get, digits=1):
        lines.append((label, *[f(get(r), digits) if _has(get, r) else "–" for r in rows]))

    add("gazettes", lambda r: r["gazettes"])
    add("pages (Markdown files)", lambda r: r["site"]["pages"])
    add("import s", lambda r: r["import"]["seconds"])
    add("import peak RSS MB", lambda r: r["import"]["peak_rss_mb"], 0)
    for phase in ("load", "pages", "write", "mkdocs", "search", "swap"):
        add(f"build: {phase} s", lambda r, p=phase: r["build"][p])
    add("build total s (process)", lambda r: r["build"]["seconds"])
    add("build total s, every run", lambda r: _runs(r["build"]))
    add("build peak RSS MB", lambda r: r["build"]["peak_rss_mb"], 0)
    add("import + build s", lambda r: r["import"]["seconds"] + r["build"]["seconds"])
    add("bare mkdocs build s", lambda r: r["bare"]["seconds"])
    add("bare mkdocs s, every run", lambda r: _runs(r["bare"]))
    add("bare mkdocs peak RSS MB", lambda r: r["bare"]["peak_rss_mb"], 0)
    add("generator overhead s (build - bare)", lambda r: r["build"]["seconds"] - r["bare"]["seconds"])
    add("overhead / bare", lambda r: (r["build"]["seconds"] - r["bare"]["seconds"]) / r["bare"]["seconds"], 2)
    add("overhead / bare, median of the turns", lambda r: paired_overhead(r["build"], r["bare"]), 2)
    add("site MB (with .gz)", lambda r: r["site"]["site_mb"])
    add("page HTML median KB", lambda r: r["site"]["page_html_median_kb"])
    add("page HTML max KB", lambda r: r["site"]["page_html_max_kb"])
    add("search first-load KB (median)", lambda r: r["site"]["search_first_kb"])
    add("search complete-results KB (median)", lambda r: r["site"]["search_complete_kb"])
    add("search p95 cold ms, first results", lambda r: r["site"]["p95_first_cold_ms"], 0)
    add("search p95 cold ms", lambda r: r["site"]["p95_cold_ms"], 0)
    add("search p95 warm ms", lambda r: r["site"]["p95_warm_ms"], 0)
    add("edit: files rebuilt", lambda r: r["edit"]["rebuilt"])
    add("edit: rebuild s", lambda r: r["edit"]["seconds"])
    add("edit / full build", lambda r: r["edit"]["seconds"] / r["build"]["seconds"], 2)
    add("no change: rebuild s", lambda r: r["nothing_changed"]["seconds"])
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(lines[0]))]
    out = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths)) + " |" for line in lines]
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def paired_overhead(build: dict, bare: dict) -> float:
    """The median over the turns of (build - bare) / bare: a turn's two runs
    are a minute apart, so a slow spell of the machine slows both."""
    if len(build["runs"]) < 2:
        raise KeyError("runs")
    return statistics.median((b - m) / m for b, m in zip(build["runs"], bare["runs"]))


def _runs(run: dict) -> str:
    if len(run["runs"]) < 2:
        raise KeyError("runs")
    return " ".join(f"{s:.1f}" for s in run["runs"])


def _has(get, row) -> bool:
    try:
        get(row)
        return True
    except (KeyError, ZeroDivisionError):
        return False


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,5,20", help="comma-separated copies of the seeds (default 1,5,20)")
    parser.add_argument("--no-search", action="store_true", help="skip the browser measurements")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="full build and bare MkDocs N times by turns; report the median run of each")
    parser.add_argument("--child-build", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_build:
        content, output, mode, report = args.child_build
        build_in_process(Path(content), Path(output), mode == "full", Path(report))
        return 0
    WORK.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    try:
        rows = [run_scale(int(s), not args.no_search, args.repeat) for s in args.scales.split(",")]
    finally:
        shutil.rmtree(TRASH, ignore_errors=True)
    result = {"load_before": load, "load_after": os.getloadavg(), "cpus": os.cpu_count(), "rows": rows}
    (WORK / "results.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(rows))
    print(f"load average before {load[0]:.2f}, after {result['load_after'][0]:.2f}; {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
