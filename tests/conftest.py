"""Shared fixtures. The browser and nginx ones live in tests/browser.py."""

from browser import browse, chromium, nginx_site  # noqa: F401  (pytest fixtures)
