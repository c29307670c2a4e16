"""Where the development data sets are: $FRAMING_DATA, else ../shared/data beside the repo."""

from __future__ import annotations

import os
import sys
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
