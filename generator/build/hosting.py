"""Making the built site folder ready for an intranet host.

- write_gz(): a .gz beside every text file, for nginx `gzip_static on`;
- offline_config() / install_offline_shim(): the file:// bundle, whose search
  needs Material's iframe-worker shim served from the folder itself instead of
  unpkg.com.
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

# Source maps are left out: only developer tools ever ask for them.
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv"}
# Below about one TCP packet compression saves nothing worth a second file.
MIN_SIZE = 1024
# Level: compression runs on every build over every new file. Measured on
# 35 MB of the seed site's pages and index files, gzip 9 takes 1.8x the time
# of 6 for 0.5% smaller output.
GZIP_LEVEL = 6

SHIM_SOURCE = Path(__file__).resolve().parents[2] / "site_config" / "offline" / "iframe-worker.js"
SHIM_PATH = "assets/javascripts/iframe-worker.js"


def write_gz(path: Path, data: bytes) -> int:
    """Write the .gz (mtime 0: same input, same bytes) of `path`, which holds
    `data`, when it is a text file of MIN_SIZE or more and the .gz is smaller;
    drop one left from an older version that is now too small or does not
    shrink. Returns the files written. The .gz is written to a temporary name
    and renamed, never written through a link shared with the live site.
    Each writer calls it while the bytes are in memory (the plugin's on_post_page,
    search.put): walking the site for files without one took 5 s at 20x."""
    if path.suffix not in TEXT_SUFFIXES:
        return 0
    target = path.with_name(path.name + ".gz")
    packed = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0) if len(data) >= MIN_SIZE else data
    if len(packed) < len(data):
        temp = path.with_name(f".{path.name}.gz.tmp")
        temp.write_bytes(packed)
        os.replace(temp, target)
        return 1
    target.unlink(missing_ok=True)
    return 0


def offline_config(config: dict) -> dict:
    """Turn a mkdocs config (as loaded from mkdocs.yml) into the file:// variant.

    Material's offline plugin switches to page.html URLs and inlines the search
    index as a script; its default shim comes from unpkg.com, so point the
    polyfill at our vendored copy (the plugin only adds its own when no
    polyfill mentions iframe-worker). Instant navigation needs a server.
    """
    config = dict(config)
    plugins = list(config.get("plugins") or ["search"])
    if not any(p == "offline" or (isinstance(p, dict) and "offline" in p) for p in plugins):
        plugins.append("offline")
    config["plugins"] = plugins
    config["use_directory_urls"] = False
    extra = dict(config.get("extra") or {})
    extra["polyfills"] = [SHIM_PATH]
    config["extra"] = extra
    theme = dict(config.get("theme") or {})
    theme["features"] = [f for f in theme.get("features", []) if not f.startswith("navigation.instant")]
    config["theme"] = theme
    return config


def install_offline_shim(site_dir: Path) -> None:
    """Copy the vendored iframe-worker shim to where offline_config points."""
    target = Path(site_dir) / SHIM_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM_SOURCE, target)
