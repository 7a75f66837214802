"""Shared fixtures. The browser and nginx ones live in tests/browser.py; the
real site, built once per session by `policykb build` of content/, lives here."""

from pathlib import Path

import pytest

from browser import browse, chromium, nginx_site  # noqa: F401  (pytest fixtures)

CONTENT = Path(__file__).resolve().parent.parent / "content"


def build_site(out: Path, offline: bool) -> Path:
    """`policykb build [--offline]` of the real corpus into a temporary folder."""
    from generator.build import build
    build(CONTENT, out, offline=offline, strict=True, work=out.parent / "build")
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("real") / "site", offline=False)


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("real-offline") / "site", offline=True)
