"""A corpus read file by file on separate machines, with the same result as one `iter_corpus`.

`iter_corpus` merges exact duplicates and renames repeated ids across the whole corpus, so
reading shards independently would count a story syndicated into two shards twice. Reading
therefore takes two passes: `partition_keys` lists each file's (content key, id) pairs, which
is cheap next to analysis; `plan_partitions` decides on the client, in corpus order, which
records are duplicates and which ids must change, holding one file's list at a time;
`read_partition` then reads one file applying its plan. Together they yield exactly the
events `iter_corpus` yields, file by file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from framing.article import Article
from framing.corpus import (
    MAX_FILE_BYTES,
    MAX_RECORD_BYTES,
    CorpusError,
    FieldMap,
    Merged,
    Skipped,
    corpus_files,
    read_file,
)
from framing.corpus._records import Limits, LoadEvent
from framing.corpus._seen import SeenArticles

__all__ = ["Partition", "PartitionPlan", "partition_keys", "partitions", "plan_partitions"]


@dataclass(frozen=True)
class Partition:
    """One corpus file (a shard), or a folder that could not be listed (``skipped``)."""

    path: str
    name: str
    skipped: Skipped | None = None


@dataclass(frozen=True)
class PartitionPlan:
    """What the whole-corpus pass decided for one partition's articles, by their position
    among the file's articles: duplicates (position -> id of the article kept) and new ids."""

    merged: Mapping[int, str] = field(default_factory=dict)
    renamed: Mapping[int, str] = field(default_factory=dict)


def partitions(path: str | os.PathLike[str]) -> list[Partition]:
    """The partitions of the corpus at ``path``, in reading order: one per file."""
    found = []
    for item in corpus_files(path):
        if isinstance(item, Skipped):
            found.append(Partition("", item.source, item))
        else:
            found.append(Partition(str(item[0]), item[1]))
    return found


def partition_keys(
    partition: Partition,
    *,
    fields: Mapping[str, str] | None = None,
    max_record_bytes: int = MAX_RECORD_BYTES,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> list[tuple[str, str, str]]:
    """The (content key, id, source) of each article in the partition, in file order."""
    return [
        (event.content_key, event.id, event.source)
        for event in _file_events(partition, fields, max_record_bytes, max_file_bytes)
        if isinstance(event, Article)
    ]


def plan_partitions(
    keys: Iterable[Sequence[tuple[str, str, str]]],
) -> Iterator[PartitionPlan]:
    """Each partition's plan, from every partition's `partition_keys` in corpus order: the
    decisions `iter_corpus` makes as it reads (first copy kept, repeated ids renamed).

    Lazy: a partition's plan is yielded before the next partition's keys are read, so the
    caller need hold only one partition's keys (and the compact `SeenArticles`) at a time."""
    seen = SeenArticles()
    for partition_keys_ in keys:
        merged: dict[int, str] = {}
        renamed: dict[int, str] = {}
        for position, (content_key, article_id, source) in enumerate(partition_keys_):
            kept = seen.kept(content_key)
            if kept is not None:
                merged[position] = kept
                continue
            if seen.has_id(article_id):
                renamed[position] = article_id = f"{article_id}@{source}"
            seen.add(content_key, article_id)
        yield PartitionPlan(merged, renamed)


def read_partition(
    partition: Partition,
    plan: PartitionPlan,
    *,
    fields: Mapping[str, str] | None = None,
    strict: bool = False,
    max_record_bytes: int = MAX_RECORD_BYTES,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Iterator[LoadEvent | Merged]:
    """The load events of one partition under its plan, as `iter_corpus` yields them."""
    position = 0
    for event in _file_events(partition, fields, max_record_bytes, max_file_bytes):
        if isinstance(event, Skipped) and strict:
            raise CorpusError(
                event.source, event.reason, "(--strict stops at the first skipped input)"
            )
        if isinstance(event, Article):
            kept = plan.merged.get(position)
            renamed = plan.renamed.get(position)
            position += 1
            if kept is not None:
                yield Merged(event.source, kept)
                continue
            if renamed is not None:
                event = replace(event, id=renamed)
        yield event


def _file_events(
    partition: Partition,
    fields: Mapping[str, str] | None,
    max_record_bytes: int,
    max_file_bytes: int,
) -> Iterator[LoadEvent]:
    if partition.skipped is not None:
        yield partition.skipped
        return
    limits = Limits(max_record_bytes, max_file_bytes)
    yield from read_file(Path(partition.path), partition.name, FieldMap(fields), limits)
