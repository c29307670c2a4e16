"""Write a file whole or not at all: a temporary file in the same folder, renamed when done.

An interrupted run (an error, Ctrl-C) removes the temporary file, so no half-written report,
table or corpus is ever left looking whole.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def atomic_text(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Yield a UTF-8 text handle whose content replaces ``path`` only if the block succeeds.

    The temporary name is fresh and opened with O_EXCL and mode 0o666, so the umask applies as
    for any new file (tempfile.mkstemp would leave it readable by its owner only).
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.partial")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            yield file
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
