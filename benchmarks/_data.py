"""Where the development data sets are ($FRAMING_DATA, else ../shared/data beside the repo),
and the AllSides stories as a corpus for the benchmarks that use them."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def data_dir(name: str) -> Path:
    """The folder of one development data set; exits with a message if it is not there."""
    root = Path(
        os.environ.get("FRAMING_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
    )
    folder = root / name
    if not folder.is_dir():
        sys.exit(f"{folder} not found: set FRAMING_DATA to the folder holding the data sets")
    return folder


def allsides_sides_corpus(*, events: bool) -> Path:
    """AllSides stories as a JSONL corpus whose outlets are the sides (left, center, right),
    with each story as an event when ``events``; written to a temporary file."""
    target = Path(tempfile.mkdtemp()) / "allsides.jsonl"
    with target.open("w", encoding="utf-8") as out:
        for line in (data_dir("allsides") / "stories.jsonl").open(encoding="utf-8"):
            story = json.loads(line)
            for side, news in story["news"].items():
                record = {
                    "outlet": side,
                    "title": news.get("newsTitle", ""),
                    "text": news.get("newBody", []),
                    "source_name": news.get("newsSource", ""),
                    "date": story.get("date", ""),
                }
                if events:
                    record["event"] = f"story-{story['id']}"
                out.write(json.dumps(record) + "\n")
    return target
