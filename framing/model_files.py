"""Model files with skops: reproducible atomic writes, and loads checked before anything runs.

A model file is untrusted input. `load` lists the types inside it and refuses any outside
skops' defaults and the caller's allow-list before building anything, then refuses a file of
another model format or scikit-learn version. `save` writes a byte-for-byte reproducible
archive (skops names objects and array files after memory addresses; they are renumbered in
order of appearance, entries sorted and timestamps fixed) to a temporary file and renames it.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sklearn
import skops
import skops.io as sio

__all__ = ["ModelFileError", "load", "save"]

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


class ModelFileError(ValueError):
    """A model file that framing will not load, with the reason and what to do."""


def save(
    classifier: Any, metadata: dict[str, Any], path: str | os.PathLike[str], *, model_format: int
) -> None:
    """Write ``classifier`` and ``metadata`` (plus model format and versions) to ``path``."""
    path = Path(path)
    content = {
        "classifier": classifier,
        "metadata": {**metadata, "model_format": model_format, "versions": _versions()},
    }
    entries = _renumbered(zipfile.ZipFile(io.BytesIO(sio.dumps(content))))
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w") as output:
            for name in sorted(entries):
                entry = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                output.writestr(entry, entries[name], compresslevel=9)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(
    path: str | os.PathLike[str],
    *,
    trusted_types: Sequence[str],
    expected: type,
    model_format: int,
    kind: str,
    retrain: str,
) -> tuple[Any, dict[str, Any]]:
    """Load a model written by `save`: its classifier (an ``expected``) and metadata.

    ``kind`` names the model in messages ("framing model", "target-sentiment model");
    ``retrain`` says how to make a new one. Raises `ModelFileError` naming the file when it is
    missing, damaged, holds an untrusted type, is not such a model, or is of another model
    format or scikit-learn version.
    """
    path = Path(path)
    if not path.is_file():
        raise ModelFileError(f"{path}: no such model file")
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as error:  # a damaged archive fails in zipfile, zlib or json
        raise ModelFileError(
            f"{path}: not a {kind} file (skops could not read it: {error}). {retrain}"
        ) from None
    foreign = sorted(set(untrusted) - set(trusted_types))
    if foreign:
        raise ModelFileError(
            f"{path}: refused, it contains types framing does not trust: {', '.join(foreign)}. "
            "Only load model files that framing made"
        )
    try:
        content = sio.load(path, trusted=list(untrusted))
    except Exception as error:  # skops raises many kinds on a damaged file
        raise ModelFileError(
            f"{path}: damaged model file ({type(error).__name__}: {error})"
        ) from None
    if not isinstance(content, dict) or not isinstance(content.get("classifier"), expected):
        raise ModelFileError(f"{path}: not a {kind} file. {retrain}")
    metadata = content.get("metadata") or {}
    if metadata.get("model_format") != model_format:
        raise ModelFileError(
            f"{path}: model format {metadata.get('model_format')!r}, this framing reads "
            f"format {model_format}. {retrain}"
        )
    saved_sklearn = metadata.get("versions", {}).get("scikit-learn")
    if _minor(saved_sklearn) != _minor(sklearn.__version__):
        raise ModelFileError(
            f"{path}: trained with scikit-learn {saved_sklearn}, this is {sklearn.__version__}; "
            f"models do not carry across versions. {retrain}"
        )
    return content["classifier"], metadata


def _renumbered(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """The archive's entries with skops' address-based object ids and file names renumbered."""
    schema = json.loads(archive.read("schema.json"))
    ids: dict[int, int] = {}
    files: dict[str, str] = {}

    def visit(node: Any) -> Any:
        if isinstance(node, list):
            return [visit(child) for child in node]
        if not isinstance(node, dict):
            return node
        renamed = {}
        for key, value in node.items():
            if key == "__id__" and isinstance(value, int):
                renamed[key] = ids.setdefault(value, len(ids))
            elif key == "file" and isinstance(value, str) and value in archive.namelist():
                renamed[key] = files.setdefault(value, f"{len(files)}.npy")
            else:
                renamed[key] = visit(value)
        return renamed

    schema = visit(schema)
    entries = {files[name]: archive.read(name) for name in files}
    entries["schema.json"] = json.dumps(schema, indent=2).encode("utf-8")
    return entries


def _versions() -> dict[str, str]:
    from framing import __version__

    return {"framing": __version__, "scikit-learn": sklearn.__version__, "skops": skops.__version__}


def _minor(version: str | None) -> str | None:
    return ".".join(version.split(".")[:2]) if version else None
