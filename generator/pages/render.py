"""The Jinja2 environment of the Markdown templates, escaping by default.

Every value from the data is written through `escape`: ASCII punctuation
becomes a numeric character reference, which Python-Markdown passes through
untouched and the browser shows as the character. So neither HTML (`<`, `&`),
nor Markdown (`*`, `#`, `|`, `[`, `1.`), nor attribute lists (`{: }`) in the
data can become markup, in Markdown and raw HTML contexts alike. Values the
generators build themselves (links, badges) and macro output are Markup and
pass unchanged (autoescape makes macros return Markup).
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"
_ESCAPED = {ord(c): f"&#{ord(c)};" for c in string.punctuation}


def escape(value) -> Markup:
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    if isinstance(value, (int, dt.date)):  # numbers and dates have no markup characters to hide
        return Markup(value.isoformat() if isinstance(value, dt.date) else str(value))
    # One output line per value: a newline in the data could start a Markdown block.
    lines = str(value).splitlines()
    if len(lines) == 1:                    # most values: no generator of lines
        return Markup(lines[0].strip().translate(_ESCAPED))
    return Markup("<br>".join(line for line in (line.strip().translate(_ESCAPED) for line in lines) if line))


@jinja2.pass_context
def url(ctx, target: str) -> Markup:
    """Relative link from the page being rendered (`here`) to another docs path."""
    return Markup(relative(target, posixpath.dirname(ctx["here"])))


def relative(target: str, folder: str) -> str:
    """posixpath.relpath for paths inside docs/ (no "..", no symlinks), by
    their parts alone: relpath asks the file system for the working folder
    twice a call, a fifth of making every page."""
    to, start = [p for p in target.split("/") if p], [p for p in folder.split("/") if p]
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)), finalize=escape, autoescape=True,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    env.globals.update(url=url, doc_path=doc_path, jur_path=jur_path, item_path=item_path,
                       unit_path=unit_path, plan_path=plan_path, matrix_path=matrix_path)
    # Jinja's own join would only HTML-escape the items.
    env.filters["join"] = lambda items, sep="": escape(sep).join(escape(x) for x in items)
    env.filters["cite"] = cite
    return env


def doc_path(doc) -> str:
    return f"documents/{doc.id}.md"


def jur_path(jur) -> str:
    return f"jurisdictions/{jur.id}.md"


def item_path(item) -> str:
    return f"items/{item.id}.md"


def unit_path(unit) -> str:
    return f"units/{unit.id}.md"


def plan_path(doc) -> str:
    """The goals and responsibilities of a document (its plan page)."""
    return f"plans/{doc.id}.md"


def matrix_path(owner) -> str:
    """The responsibility matrix of a document or a jurisdiction (ids never collide:
    document ids carry their year)."""
    return f"matrices/{owner.id}.md"


@jinja2.pass_context
def cite(ctx, text) -> Markup:
    """`text` escaped, each 《title》 of a corpus document a link to its page
    (ctx["cites"]: corpus.cite_index via find_citations)."""
    from generator.model.items import find_citations
    if not text:
        return Markup("")
    out, at = [], 0
    for m, target in find_citations(text, ctx["cite_index"]):
        if target is None:
            continue
        out += [escape(text[at:m.start()]),
                Markup(f"[{escape(m.group(0))}]({url(ctx, doc_path(target))})")]
        at = m.end()
    out.append(escape(text[at:]))
    return Markup("").join(out)


@dataclass(frozen=True)
class Spec:
    """Files of docs/ made together: `key` (the page's docs path) names them,
    `deps` are the world keys they read (generator.pages.deps), `make` yields
    (docs path, Markdown or download) when called."""
    key: str
    deps: frozenset
    make: Callable[[], Iterable[tuple]]


def spec(key: str, deps, make: Callable, *args) -> Spec:
    """A Spec whose files are make(*args)."""
    return Spec(key, frozenset(deps), lambda: make(*args))


def render(env: jinja2.Environment, template: str, here: str, meta: dict | None = None,
           **context) -> str:
    """A page: front matter `meta` (JSON-quoted, so valid YAML whatever the text),
    then the template rendered for the page at docs path `here`."""
    text = env.get_template(template).render(here=here, **context)
    if not meta:
        return text
    head = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    return f"---\n{head}---\n\n{text}"


def page_meta(kind: str, title=None, jurisdiction=None) -> dict:
    """Front matter of a page. `title` is written HTML-escaped: Material prints
    the front-matter title unescaped (<title>, header), while the h1-derived one
    goes through `striptags`, which would unescape it. `kind` and `jurisdiction`
    feed the search page table (site_config/overrides/main.html escapes them)."""
    meta = {"kind": kind, "hide": ["navigation"]}   # the nav has one page per tab: give the text the room
    if title is not None:
        meta["title"] = str(escape(" ".join(str(title).split())))  # one line: no <br> in <title>
    if jurisdiction is not None:
        meta["jurisdiction"] = jurisdiction.short_name
    return meta
