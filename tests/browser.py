"""Real-browser and real-server fixtures: Debian's headless Chromium driven by
Playwright (never a downloaded browser) and Debian's nginx serving a built site
under a sub-path, the way an intranet host does.

Every request a page makes is routed: anything that would leave the machine
(or, for a file:// page, leave the file system) is aborted and logged, so a
test can assert that the site needs nothing from outside.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
NGINX = "/usr/sbin/nginx"
MIME_TYPES = "/etc/nginx/mime.types"
# Quiet Chromium: no update checks, sync, QUIC probes or other background traffic
# that would show up as requests nobody's page asked for.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
]
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Schemes that never touch the network or the file system.
INLINE_SCHEMES = {"data", "blob", "about"}


def require(path: str, what: str) -> None:
    """Skip when a Debian package is missing on a developer machine; fail in CI,
    where `make test` (system-deps) must have installed it."""
    if os.path.exists(path):
        return
    message = f"{path} missing: install Debian's {what} (make system-deps)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def allowed(url: str, origin: str) -> bool:
    """May a page of this origin kind ('loopback' or 'file') fetch this URL?"""
    parts = urlsplit(url)
    if parts.scheme in INLINE_SCHEMES:
        return True
    if origin == "file":
        return parts.scheme == "file"
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname in LOOPBACK_HOSTS


@dataclass
class Monitor:
    """One browser context whose traffic and console are recorded."""
    page: object
    origin: str
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        found = {"blocked": self.blocked, "console errors": self.console_errors,
                 "HTTP >= 400": self.http_errors, "failed requests": self.failed}
        return {kind: items for kind, items in found.items() if items}

    def assert_clean(self) -> None:
        assert not self.problems(), self.problems()

    def settle(self) -> None:
        """Wait until nothing is loading, so late requests are recorded too."""
        self.page.wait_for_load_state("networkidle")


def monitor(browser, origin: str, **context_options) -> Monitor:
    """A fresh context (own cache and storage) with every request checked."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    mon = Monitor(page, origin)

    def block(url):
        if url not in mon.blocked:
            mon.blocked.append(url)

    def route(route):
        if allowed(route.request.url, origin):
            route.continue_()
        else:
            block(route.request.url)
            route.abort("blockedbyclient")

    def on_request(request):
        mon.requests.append(request.url)
        # Requests the router never sees (e.g. file:// ones) are still judged.
        if not allowed(request.url, origin):
            block(request.url)

    def on_failed(request):
        # ERR_ABORTED: a navigation cancelled its own pending loads, not a fault.
        failure = request.failure or ""
        if request.url not in mon.blocked and "ERR_ABORTED" not in failure:
            mon.failed.append(f"{request.url} {failure}")

    def on_console(message):
        if message.type == "error":
            mon.console_errors.append(f"{message.text} @ {message.location.get('url')}")

    context.route("**/*", route)
    context.on("request", on_request)
    context.on("requestfailed", on_failed)
    context.on("response", lambda r: r.status >= 400 and mon.http_errors.append(f"{r.status} {r.url}"))
    page.on("console", on_console)
    page.on("pageerror", lambda exc: mon.console_errors.append(f"uncaught: {exc}"))
    return mon


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, with a fresh throw-away profile."""
    require(CHROMIUM, "chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        # launch() gives every run a new temporary user-data dir.
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browse(chromium):
    """browse('loopback' | 'file') -> Monitor; contexts close after the test."""
    opened = []

    def open_(origin: str = "loopback", **context_options) -> Monitor:
        mon = monitor(chromium, origin, **context_options)
        opened.append(mon)
        return mon

    yield open_
    for mon in opened:
        # Requests still in flight must not reach a handler of a closed context.
        mon.page.context.unroute_all(behavior="ignoreErrors")
        mon.page.context.close()


# --- nginx --------------------------------------------------------------------

def server_block(site_dir: Path, prefix: str, listen: str) -> str:
    """The server block the README documents, with this site's paths."""
    return f"""\
server {{
    listen {listen};
    absolute_redirect off;           # redirects stay right behind proxies
    location = {prefix.rstrip('/')} {{ return 301 {prefix}; }}
    location {prefix} {{
        alias {site_dir}/;
        gzip_static on;              # serve the .gz that policykb build wrote
        gzip_vary on;
        charset utf-8;
    }}
}}
"""


def nginx_conf(site_dir: Path, prefix: str, port: int, run_dir: Path, http_extra: str = "") -> str:
    # As root the workers would drop to `nobody`, who cannot read pytest's tmp.
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp_paths = "".join(f"    {kind}_temp_path {run_dir}/{kind};\n"
                         for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    block = server_block(site_dir, prefix, f"127.0.0.1:{port}")
    return f"""\
{user}daemon off;
worker_processes 1;
pid {run_dir}/nginx.pid;
error_log {run_dir}/error.log info;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {run_dir}/access.log;
{http_extra}{temp_paths}{block}}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class NginxSite:
    url: str                      # http://127.0.0.1:<port>/zhengce/
    run_dir: Path

    def access_log(self) -> str:
        return (self.run_dir / "access.log").read_text()


@contextlib.contextmanager
def serve_with_nginx(site_dir: Path, prefix: str = "/zhengce/", http_extra: str = ""):
    """Run Debian's nginx on a free loopback port serving site_dir at prefix
    (`http_extra`: directives for the http block, outside the README's server block)."""
    require(NGINX, "nginx-light")
    run_dir = Path(tempfile.mkdtemp(prefix="nginx-"))
    port = free_port()
    conf = run_dir / "nginx.conf"
    conf.write_text(nginx_conf(Path(site_dir).resolve(), prefix, port, run_dir, http_extra))
    proc = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(run_dir), "-e", str(run_dir / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port, proc, run_dir)
        yield NginxSite(f"http://127.0.0.1:{port}{prefix}", run_dir)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(run_dir, ignore_errors=True)


def wait_for_port(port: int, proc: subprocess.Popen, run_dir: Path, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log = (run_dir / "error.log").read_text() if (run_dir / "error.log").exists() else ""
            raise RuntimeError(f"nginx exited {proc.returncode}: {proc.stderr.read().decode()}{log}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on 127.0.0.1:{port} within {timeout}s")


@pytest.fixture
def nginx_site():
    """nginx_site(site_dir, prefix='/zhengce/', http_extra='') -> NginxSite, stopped after the test."""
    with contextlib.ExitStack() as stack:
        yield lambda site_dir, prefix="/zhengce/", http_extra="": stack.enter_context(
            serve_with_nginx(site_dir, prefix, http_extra))
