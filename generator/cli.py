"""policykb command line: the workflow in five verbs."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path

from generator.errors import PolicyError

# MkDocs 2.0 / Material end-of-life banners are noise in our own commands.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

DESCRIPTION = """\
policykb turns Chinese local-government policy gazettes (政府公报) into a static,
cross-linked, searchable knowledge site.

Workflow:
  1. policykb import FILE…      gazette text (any name, anywhere) -> one YAML
                                file per document in content/documents/<jurisdiction>/;
                                the file is copied to content/sources/, the
                                jurisdiction read from its name or its issuer
                                (--jurisdiction ID to say it)
  2. review and correct the YAML by hand; re-import never overwrites an
     edited file unless you pass --force
  3. policykb check             validate content/ and report coverage and what
                                was left unplaced (exit 1 if anything was)
  4. policykb build             content/ -> Markdown -> mkdocs -> site/
     policykb serve             live preview that rebuilds on every change
  5. policykb export            the open-data JSON (also on the site)
"""

EPILOG = "Run `policykb <command> --help` for the options of one command."


def _project_root() -> Path:
    """The folder holding content/ and mkdocs.yml (cwd, or this checkout)."""
    cwd = Path.cwd()
    if (cwd / "content").is_dir():
        return cwd
    return Path(__file__).resolve().parent.parent


def cmd_import(args) -> int:
    from generator.reading import run_import
    return run_import(args.content, sources=args.sources, force=args.force, jurisdiction=args.jurisdiction,
                      allow_unplaced=args.allow_unplaced)


def _progress(args):
    """Phases as they end, on a terminal (or with -v); nothing with -q."""
    if args.quiet or not (args.verbose or sys.stderr.isatty()):
        return None
    return lambda phase, seconds: print(f"  {phase:<10} {seconds:6.1f} s", file=sys.stderr, flush=True)


def cmd_build(args) -> int:
    from generator.build import build
    timings: dict = {}
    build(args.content, args.output, offline=args.offline, strict=True, incremental=not args.full,
          work=args.work, timings=timings, progress=_progress(args))
    if not args.quiet:
        print(f"built {args.output} ({timings.get('rebuilt', 0)} files made)")
    return 0


def cmd_serve(args) -> int:
    from generator.serve import serve
    return serve(args.content, host=args.host, port=args.port, work=args.work, progress=_progress(args))


def cmd_export(args) -> int:
    from generator.model.export import write_export
    from generator.model import load_corpus
    write_export(load_corpus(args.content), args.output)
    print(f"wrote {args.output}")
    return 0


def cmd_check(args) -> int:
    from generator.check import run_check
    return run_check(args.content, allow_unplaced=args.allow_unplaced)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("policykb")
    except PackageNotFoundError:
        return "unknown"


def _common(parser: argparse.ArgumentParser, content) -> None:
    parser.add_argument("--content", type=Path, default=content,
                        help="content folder (default: %(default)s)" if content != argparse.SUPPRESS else
                        "content folder (default: the project's content/)")
    parser.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="show each build phase as it ends")
    parser.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="print errors only")


def build_parser() -> argparse.ArgumentParser:
    root = _project_root()
    parser = argparse.ArgumentParser(
        prog="policykb", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"policykb {_version()}")
    _common(parser, root / "content")
    parser.set_defaults(verbose=False, quiet=False)
    # the same options after the command (`policykb build -q`); there, unset ones keep the value above
    common = argparse.ArgumentParser(add_help=False)
    _common(common, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="<command>",
                                parser_class=functools.partial(argparse.ArgumentParser, parents=[common]))

    p = sub.add_parser("import", help="gazette text -> document YAML in content/",
                       description="Split each gazette in content/sources/ into its documents "
                       "(every notice and every policy it issues), clean page furniture, rebuild "
                       "paragraphs and tables, and write content/documents/<jurisdiction>/<id>.yml. "
                       "A YAML file edited since its import is left alone and named, unless --force.")
    p.add_argument("sources", nargs="*", type=Path,
                   help="gazette files to import, any name, anywhere; a file outside content/sources is copied "
                        "there (default: every content/sources/*.txt)")
    p.add_argument("--jurisdiction", metavar="ID",
                   help="the jurisdiction the files belong to (default: the one their name starts with, else the "
                        "one their issuer names, added to content/jurisdictions.yml for review)")
    p.add_argument("--force", action="store_true", help="overwrite files edited since import")
    p.add_argument("--allow-unplaced", action="store_true",
                   help="exit 0 even when text or responsibility statements were left unplaced (they are still "
                        "listed, and kept in the source's manifest)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("build", help="content/ -> site/ (Markdown, then mkdocs build --strict)",
                       description="Validate content/, write Markdown through templates/, build with "
                       "MkDocs Material into a temporary folder and swap it in place of the output "
                       "folder only when everything succeeded: a failed build leaves the old site. "
                       "A rebuild reuses what did not change (parsed YAML, pages whose Markdown is "
                       "the same, the search index's base segment).")
    p.add_argument("--output", type=Path, default=root / "site", help="site folder (default: %(default)s)")
    p.add_argument("--offline", action="store_true",
                   help="make a folder that works opened from the file system (file://)")
    p.add_argument("--full", action="store_true", help="rebuild everything, reusing nothing")
    p.add_argument("--work", type=Path, default=root / "build",
                   help="work folder: Markdown, caches, the build lock (default: %(default)s; never derived "
                        "from --output). One build at a time per work folder; a second one waits.")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="live preview; rebuilds when content/ or templates change",
                       description="Build a preview into <work>/serve (site/ is left alone), serve it on "
                       "http://HOST:PORT/ and rebuild it whenever content/, templates/, site_config/ or "
                       "mkdocs.yml change. A failed rebuild prints its error and keeps serving the last good one.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--work", type=Path, default=root / "build", help="work folder (default: %(default)s)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("export", help="write the open-data JSON (units, documents, items, indicators)")
    p.add_argument("--output", type=Path, default=Path("data.json"), help="default: %(default)s")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("check", help="validate content/ and print a coverage report per gazette",
                       description="Validate content/ and report, per gazette, what was found and what was left "
                       "unplaced. Exits 1 when content is invalid or anything is unplaced (unless "
                       "--allow-unplaced), so scripts and CI notice.")
    p.add_argument("--allow-unplaced", action="store_true", help="exit 0 even when something is unplaced")
    p.set_defaults(func=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args) or 0
    except PolicyError as exc:
        print(f"error: {exc}" if "\n" not in str(exc) else f"error:\n{exc}", file=sys.stderr)
        return 1
    except OSError as exc:        # a disk full, a folder not ours to write: the path and the reason, no traceback
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
