"""The Ray executor: a run's shards coded by a pool of Ray actors, on this machine or a cluster.

`run_ray_shards` is `dateline.shards.run_shards` on Ray: it takes the same shards and yields each,
in order, once its JSONL shard file is written, so that `dateline.runs.run_into_store` loads them
into the store as it does the local executor's (the store, one writer on the driver, does the
article and event deduplication after the coding, as its own stage). The shards go to Ray Data as
a Dataset of **one row per shard** (its index, key and pickled inputs, one block each): the shard
is the unit the local executor codes, writes atomically and resumes from, so a Ray batch is a whole
shard, a retried batch rewrites one whole file, and nothing needs regrouping by shard after the
map. ``map_batches`` runs `dateline.ray_coder.ShardCoder` in an actor pool: each actor loads the
pipeline in its constructor (the model is never ``ray.put``), takes one CPU and the memory the
model needs (`actor_memory`), and writes each shard it codes as a Parquet file in ``<db>.ray/``.
The driver reads those files in input order, writes each as the shard's JSONL file and yields the
shard; once the store holds it, the Parquet file is deleted.

**Failures** are those of the local executor: a bad document is a failure record (the pipeline's
own handling, in `dateline.shards.process_shard`), a document over the time limit a `TimeLimit`
failure; an actor that dies is restarted and its batch retried (Ray Data's default for actor
pools: ``max_restarts=-1``, ``max_task_retries=-1``); a rerun codes only the shards whose Parquet
(or JSONL) file is missing.

**Waves.** Ray Data's actors live as long as one Dataset's execution, so the shards are sent in
waves of about ``recycle_after`` documents per actor, each wave a Dataset with a fresh pool: the
pool is recycled as the local executor recycles its workers (spaCy's memory grows on long runs),
the model loads once per actor per wave, and the driver holds one wave's inputs at a time.

**The cluster.** ``address`` connects to a running cluster (``ray.init(address=...)``); without it
a Ray instance already started in this process is used, else a local one with ``workers`` CPUs is
started, and shut down at the end. Only what this module started is shut down. Every node must
have dateline (same version) installed, and ``<db>.ray/`` must be on a filesystem every node and
the driver share.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import time
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, InternalError
from .ray_coder import ShardCoder, header_matches, parquet_header, parquet_lines, parquet_path
from .shards import (
    DOC_TIMEOUT,
    RECYCLE_AFTER,
    SHARD_SIZE,
    Shard,
    is_finished,
    remove_stale_temps,
    write_text_atomically,
)

if TYPE_CHECKING:
    from .pipeline import PipelineConfig

logger = logging.getLogger(__name__)

GIB = 1024**3
#: Memory reserved for each actor, by model: its peak resident size coding ``recycle_after``
#: documents, measured (benchmarks/ray_overhead.py; docs/cluster.md), with room for long articles.
ACTOR_MEMORY = {"md": int(1.2 * GIB), "sm": int(0.8 * GIB)}
#: The message when Ray is not installed.
INSTALL_RAY = "the ray executor needs Ray: pip install 'dateline[ray]'"
#: Temporary Parquet files older than this (seconds) were left by a killed actor: removed.
STALE_TEMP = 600.0


def ray_dir(db: str | Path) -> Path:
    """The directory of the Parquet shards of Ray runs into the store ``db``: ``<db>.ray``."""
    return Path(f"{db}.ray")


def require_ray() -> None:
    """Raise `ConfigError` (with the command that installs it) when Ray cannot be imported."""
    try:
        import ray.data  # noqa: F401
    except ImportError:
        raise ConfigError(INSTALL_RAY, hint="") from None


def actor_memory(config: PipelineConfig) -> int:
    """Bytes of memory each actor reserves for ``config``'s model (md's figure for other models)."""
    model = (config.model or "md").removeprefix("en_core_web_")
    return ACTOR_MEMORY.get(model, ACTOR_MEMORY["md"])


def run_ray_shards(
    shards: Iterable[Shard],
    config: PipelineConfig,
    workers: int = 1,
    recycle_after: int = RECYCLE_AFTER,
    doc_timeout: float | None = DOC_TIMEOUT,
    shard_size: int = SHARD_SIZE,
    *,
    directory: Path,
    address: str | None = None,
    memory: int | None = None,
    coder: type[ShardCoder] | None = None,
) -> Generator[Shard, None, None]:
    """Each shard of ``shards``, in order, once its JSONL file is written: coded by ``workers``
    Ray actors (fewer when the cluster lacks the CPUs or the memory), their Parquet files in
    ``directory``. ``memory``: bytes per actor (default `actor_memory`); ``coder``: the class the
    actors run (a subclass of `ShardCoder`)."""
    require_ray()
    memory = memory or actor_memory(config)
    coder = coder or ShardCoder
    with _ray_session(address, workers):
        actors = _actor_count(workers, memory)
        _remove_stale_temps(directory)
        per_wave = actors * max(1, -(-recycle_after // max(1, shard_size)))
        for wave in _waves(shards, per_wave):
            todo = [i for i, shard in enumerate(wave) if not _ready(shard, directory)]
            started, coded = time.monotonic(), 0
            finished = _code_wave(wave, todo, config, directory, doc_timeout, actors, memory, coder)
            with contextlib.closing(finished):  # closed early (Ctrl-C): stops the Dataset
                for shard, was_coded in _in_order(wave, todo, finished):
                    coded += was_coded
                    yield _to_jsonl(shard, directory)
                    parquet_path(directory, shard.path.stem).unlink(missing_ok=True)  # stored
            logger.info(
                "ray: %d shards, %d coded, %d found written, in %.1f s",
                len(wave),
                coded,
                len(wave) - coded,
                time.monotonic() - started,
                extra={"coded": coded, "found": len(wave) - coded},
            )
    with contextlib.suppress(OSError):
        directory.rmdir()  # only when empty


@contextlib.contextmanager
def _ray_session(address: str | None, workers: int) -> Iterator[bool]:
    """Connect to ``address``, or use this process's Ray, or start a local instance of ``workers``
    CPUs (quiet and offline: no dashboard, no usage statistics). At the end it stops the instance it
    started, or disconnects from the cluster it connected to (which runs on); Ray set up before is
    left as it was. Yields whether it started or connected. Ray Data's progress bars and info
    lines are off meanwhile."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray
    from ray.data import DataContext

    started = not ray.is_initialized()
    if address is not None:
        ray.init(address=address, logging_level=logging.WARNING, ignore_reinit_error=True)
    elif started:
        ray.init(num_cpus=max(1, workers), include_dashboard=False, logging_level=logging.WARNING)
    context = DataContext.get_current()
    bars = context.enable_progress_bars
    context.enable_progress_bars = False
    quieter = {"ray.data": logging.WARNING, "ray.data._internal.progress": logging.ERROR}
    levels = {name: logging.getLogger(name).level for name in quieter}
    for name, level in quieter.items():
        logging.getLogger(name).setLevel(level)
    try:
        yield started
    finally:
        context.enable_progress_bars = bars
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
        if started:
            ray.shutdown()


def _actor_count(workers: int, memory: int) -> int:
    """How many actors the cluster can hold: at most ``workers``, one CPU and ``memory`` bytes each."""
    import ray

    cluster: Any = ray  # Ray's functions are untyped
    resources = cluster.cluster_resources()
    cpus, total = int(resources.get("CPU", 0)), float(resources.get("memory", 0))
    actors = min(max(1, workers), cpus, int(total // memory))
    if actors < 1:
        raise ConfigError(
            f"the Ray cluster cannot hold one actor: it has {cpus} CPUs and {total / GIB:.1f} GiB of "
            f"memory, and each actor needs 1 CPU and {memory / GIB:.1f} GiB",
            hint="Add nodes, or use a smaller model (--model sm)",
        )
    if actors < workers:
        logger.warning(
            "ray: %d actors instead of %d: the cluster has %d CPUs and %.1f GiB of memory, "
            "and each actor needs 1 CPU and %.1f GiB",
            actors,
            workers,
            cpus,
            total / GIB,
            memory / GIB,
        )
    return actors


def _waves(shards: Iterable[Shard], size: int) -> Iterator[list[Shard]]:
    wave: list[Shard] = []
    for shard in shards:
        wave.append(shard)
        if len(wave) >= size:
            yield wave
            wave = []
    if wave:
        yield wave


def _ready(shard: Shard, directory: Path) -> bool:
    """Whether a shard needs no coding: its JSONL file or its Parquet file is written."""
    path = parquet_path(directory, shard.path.stem)
    return is_finished(shard) or header_matches(parquet_header(path), shard.inputs)


def _code_wave(
    wave: Sequence[Shard],
    todo: list[int],
    config: PipelineConfig,
    directory: Path,
    doc_timeout: float | None,
    actors: int,
    memory: int,
    coder: type[ShardCoder],
) -> Generator[tuple[int, bool], None, None]:
    """(index in the wave, coded by this call) of each shard of ``todo``, as the actors finish them."""
    if not todo:
        return
    import ray.data
    from ray.data import ActorPoolStrategy

    items = [
        {"index": i, "key": wave[i].path.stem, "inputs": pickle.dumps(wave[i].inputs, protocol=5)}
        for i in todo
    ]
    dataset = ray.data.from_items(items, override_num_blocks=len(items))
    results = dataset.map_batches(
        coder,
        fn_constructor_kwargs={"config": config, "directory": str(directory), "doc_timeout": doc_timeout},
        batch_size=1,
        batch_format="pyarrow",
        compute=ActorPoolStrategy(size=min(actors, len(items))),
        num_cpus=1,
        memory=memory,
    )
    rows = iter(results.iter_rows())
    try:
        for row in rows:
            yield int(row["index"]), bool(row["coded"])
    except ray.exceptions.RayError as exc:
        raise InternalError(f"a Ray actor failed: {_last_line(exc)}") from exc
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def _in_order(
    wave: Sequence[Shard], todo: list[int], finished: Iterator[tuple[int, bool]]
) -> Iterator[tuple[Shard, bool]]:
    """The wave's shards in order, each once it is written (and whether it was coded now)."""
    pending = set(todo)
    done: dict[int, bool] = {i: False for i in range(len(wave)) if i not in pending}
    following = 0
    for index, coded in finished:
        done[index] = coded
        while following in done:
            yield wave[following], done.pop(following)
            following += 1
    while following in done:
        yield wave[following], done.pop(following)
        following += 1
    if following != len(wave):
        raise InternalError(f"the Ray run ended with {len(wave) - following} shards of a wave unwritten")


def _to_jsonl(shard: Shard, directory: Path) -> Shard:
    """The shard, its JSONL file written from its Parquet file unless it is there already."""
    if is_finished(shard):
        return shard
    path = parquet_path(directory, shard.path.stem)
    if not path.exists():
        raise InternalError(
            f"the shard file {path}, written by a Ray worker, is not on this machine",
            hint=f"On a cluster, {directory} must be on a filesystem every node shares (NFS)",
        )
    lines = parquet_lines(path)
    write_text_atomically(shard.path, "\n".join(lines) + "\n")
    if not is_finished(shard):
        raise InternalError(f"the shard file {path} was written for other inputs")
    return shard


def _remove_stale_temps(directory: Path, older_than: float = STALE_TEMP) -> None:
    """`shards.remove_stale_temps`, and the attempt counts of earlier runs (a run counts its own
    actors' deaths)."""
    remove_stale_temps(directory, older_than)
    if directory.is_dir():
        for path in directory.glob(".*.attempts"):
            path.unlink(missing_ok=True)


def _last_line(exc: BaseException) -> str:
    text = str(exc).strip()
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__
