"""Regenerate docs/report.png: the top of the demo corpus's HTML report, shot by headless Chromium.

Usage::

    python scripts/screenshot_report.py [--out docs/report.png] [--height 2035]

Needs Chromium (Debian's ``chromium`` package, or set ``CHROMIUM`` to its path). The report is
rendered from the shipped demo corpus with the default seed, so the picture changes only when
the analysis or the renderer does. Chromium shoots the top ``--height`` pixels of the page at
1280 pixels wide: the title, the summary, tone by outlet and the frame-share heatmap.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from framing.demo import demo_corpus_path
from framing.pipeline import compare_corpus
from framing.render.html import write_html

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 1280
TIMEOUT = 60
# Flags that keep Chromium from reaching the network or touching the user's profile.
QUIET = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def main(argv: list[str] | None = None) -> int:
    """Render the demo report, shoot it, and write the PNG."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--height", type=int, default=2035, help="pixels of the page to keep")
    args = parser.parse_args(argv)
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        print("Chromium not found: apt-get install chromium, or set CHROMIUM", file=sys.stderr)
        return 1
    # A path relative to the checkout, so the picture shows "corpora/demo", not where it lives.
    os.chdir(ROOT)
    corpus = os.path.relpath(demo_corpus_path(), ROOT)
    with tempfile.TemporaryDirectory() as folder:
        report = write_html(compare_corpus(corpus), Path(folder) / "report.html")
        shot = Path(folder) / "report.png"
        subprocess.run(
            [
                chromium,
                *QUIET,
                f"--user-data-dir={Path(folder) / 'profile'}",
                f"--screenshot={shot}",
                f"--window-size={WIDTH},{args.height}",
                report.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=TIMEOUT,
        )
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
