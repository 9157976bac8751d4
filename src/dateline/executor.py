"""The local executor: worker processes that code shards, and a run that outlives the death of any.

`run_in_workers` is `dateline.shards.run_shards` with more than one worker. Each worker is a
spawned process running `_serve`: it loads the pipeline once (`_init_worker`), says it is ready,
then codes the tasks the parent sends it (`AHEAD` at a time, so that it never waits for the
parent), one after the other and in order, with `process_shard`, answering each. It ignores Ctrl-C
(the parent's to handle), dies with the parent (``PR_SET_PDEATHSIG``) and exits once it has coded
its ``budget`` of documents, to be replaced by a fresh one when there is work (recycling: spaCy's
memory grows on long runs).

The parent knows which task each worker is coding (the first it has not answered), so when one
dies (the OOM killer, a segfault in a C extension, ``kill -9``) it knows what died with it (the
tasks sent after it go to another worker as they are), and nothing waits for an answer that will
never come (``multiprocessing.Pool`` waits forever; the standard ``ProcessPoolExecutor`` fails
every task in flight, and with ``max_tasks_per_child`` it hangs on Python 3.11: cpython gh-115634):

* a shard whose worker died is run again, up to `WORKER_RETRIES` times, unless its file was
  written (then it is done); a shard that kills its worker once more is **split**: each of its
  documents becomes a task of its own, which `process_shard` writes to a temporary one-document
  file (`part_path`), and their records are written into the shard's file, in input order, at once;
* a document whose worker died is run again up to `WORKER_RETRIES` times too; one that kills its
  worker once more becomes a `WorkerDied` failure, and the rest of its shard is coded as usual.

A task that raises is the input's fault, not the process's: a shard is split at once, and a
document that raises becomes a failure (an ``OSError``, the machine's fault, is raised here). A
worker that cannot load the pipeline sends its error, which is raised here (a missing model, an
unknown stage); workers that keep dying while they load it end the run with `WorkerDied`.
"""

from __future__ import annotations

import os
import queue
import signal
import threading
from collections import deque
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DatelineError, InternalError, TimeLimit, WorkerDied, error_code
from .records import ArticleRecord
from .shards import (
    Input,
    Shard,
    ShardResult,
    failure_record,
    is_finished,
    part_path,
    process_shard,
    raised,
    read_shard,
    write_shard,
)

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import SpawnProcess

    from .pipeline import PipelineConfig

#: Times a task (a shard, or one document of a split shard) whose worker died is run again.
WORKER_RETRIES = 2
#: Seconds the parent waits for its workers at a time (then it looks again: Ctrl-C gets through).
POLL = 0.5
#: Seconds a stopped worker has to exit on SIGTERM before it is killed.
STOP_GRACE = 5.0
#: Tasks sent to a worker at once: the next waits there, so the worker never waits for the parent.
AHEAD = 2


@dataclass(eq=False, slots=True)
class _Job:
    """A shard under way: done once its file is written. Split, it collects its documents' records."""

    shard: Shard
    done: bool = False
    records: list[ArticleRecord | None] = field(default_factory=list)
    left: int = 0
    seconds: float = 0.0


@dataclass(eq=False, slots=True)
class _Task:
    """What a worker codes at once: a whole shard (``index`` None) or its ``index``-th document."""

    job: _Job
    index: int | None = None
    deaths: int = 0

    @property
    def inputs(self) -> tuple[Input, ...]:
        shard = self.job.shard
        return shard.inputs if self.index is None else (shard.inputs[self.index],)

    @property
    def output(self) -> Path:
        return self.job.shard.path if self.index is None else part_path(self.job.shard, self.index)


@dataclass(eq=False, slots=True)
class _Worker:
    process: SpawnProcess
    #: Tasks go to it on one pipe, its answers come back on another.
    tasks_to: Connection
    answers: Connection
    ready: bool = False
    #: The tasks sent to it and not answered yet, in order: the first is being coded.
    tasks: deque[_Task] = field(default_factory=deque)
    #: Documents of every task sent to it: at the budget it is sent nothing more (it then exits).
    assigned: int = 0


def run_in_workers(
    shards: Iterable[Shard], config: PipelineConfig, workers: int, budget: int, doc_timeout: float | None
) -> Generator[Shard, None, None]:
    """Each shard of ``shards``, in order, once its file is written, coded by ``workers`` worker
    processes (each replaced after ``budget`` documents), at most twice as many shards under way
    as workers. Closing the generator (or an exception, Ctrl-C included) stops the workers."""
    pool = _Workers(config, workers, budget, doc_timeout)
    pending: deque[_Job] = deque()
    try:
        for shard in shards:
            pending.append(pool.start(shard))
            while len(pending) >= 2 * workers:
                yield pool.finish(pending.popleft())
        while pending:
            yield pool.finish(pending.popleft())
    finally:
        pool.close()


class _Workers:
    """Up to ``size`` worker processes, and the tasks waiting for one (retries first)."""

    def __init__(self, config: PipelineConfig, size: int, budget: int, doc_timeout: float | None) -> None:
        import multiprocessing

        self.context = multiprocessing.get_context("spawn")
        self.config = config
        self.size = max(1, size)
        self.budget = max(1, budget)
        self.doc_timeout = doc_timeout
        self.queue: deque[_Task] = deque()
        self.workers: list[_Worker] = []
        #: Workers in a row that died before they were ready.
        self.setup_deaths = 0

    def start(self, shard: Shard) -> _Job:
        """The job of coding ``shard`` (done already when its file is there), under way."""
        job = _Job(shard, done=is_finished(shard))
        if not job.done:
            self.queue.append(_Task(job))
            self._dispatch()
        return job

    def finish(self, job: _Job) -> Shard:
        """Wait until the job's shard file is written, tending to every worker meanwhile."""
        from multiprocessing.connection import wait

        while not job.done:
            self._dispatch()
            if not self.queue and not any(w.tasks for w in self.workers):
                raise InternalError(f"the shard {job.shard.path.name} is not written, yet nothing codes it")
            wait([w.answers for w in self.workers] + [w.process.sentinel for w in self.workers], POLL)
            for worker in list(self.workers):
                self._tend(worker)
        if not job.shard.path.exists():
            raise InternalError(f"the shard file {job.shard.path} was not written")
        return job.shard

    def close(self) -> None:
        """Stop every worker (whatever it is doing) and wait for it."""
        for worker in self.workers:
            if worker.process.exitcode is None:
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join(STOP_GRACE)
            if worker.process.exitcode is None:
                worker.process.kill()
                worker.process.join()
            _close(worker)
        self.workers.clear()

    # --- the workers ---

    def _dispatch(self) -> None:
        """Send waiting tasks to ready workers (`AHEAD` each); start workers for the rest, up to
        ``size``."""
        for worker in self.workers:
            while self.queue and worker.ready and len(worker.tasks) < AHEAD and worker.assigned < self.budget:
                self._send(worker, self.queue.popleft())
        starting = sum(1 for w in self.workers if not w.ready)
        while len(self.queue) > starting and len(self.workers) < self.size:
            tasks_from, tasks_to = self.context.Pipe(duplex=False)
            answers, answers_to = self.context.Pipe(duplex=False)
            args = (tasks_from, answers_to, self.config, self.budget, self.doc_timeout)
            process = self.context.Process(target=_serve, args=args, name="dateline-worker", daemon=True)
            process.start()
            tasks_from.close()
            answers_to.close()
            self.workers.append(_Worker(process, tasks_to, answers))
            starting += 1

    def _send(self, worker: _Worker, task: _Task) -> None:
        try:
            worker.tasks_to.send((task.inputs, task.output))
        except OSError:  # it died after it said it was ready: the task never got there
            self.queue.appendleft(task)
            worker.assigned = self.budget  # nothing more for it; it is buried once it is gone
            return
        worker.tasks.append(task)
        worker.assigned += len(task.inputs)

    def _tend(self, worker: _Worker) -> None:
        """Take a worker's answers; bury it once it is gone."""
        answers: list[tuple[str, Any]] = []
        try:
            while worker.answers.poll():
                answers.append(worker.answers.recv())
        except (EOFError, OSError):
            pass  # gone: its exit code says how
        for answer in answers:
            self._answer(worker, answer)
        if worker.process.exitcode is not None:
            self._bury(worker)

    def _answer(self, worker: _Worker, message: tuple[str, Any]) -> None:
        kind, payload = message
        if kind == "ready":
            if payload is not None:
                raise payload  # the pipeline cannot be built: no worker will do better
            worker.ready = True
            self.setup_deaths = 0
            return
        if not worker.tasks:
            raise InternalError(f"a worker answered {kind!r} to no task")
        task = worker.tasks.popleft()
        if kind == "done":
            self._done(task, payload)
        elif isinstance(payload, OSError):
            raise payload
        elif task.index is None:
            self._split(task.job)
        else:
            self._record(task, failure_record(task.inputs[0], payload))

    def _bury(self, worker: _Worker) -> None:
        """Forget a worker that is gone. If it died on a task, run the task again or give it up;
        the tasks it had not started yet wait for another worker."""
        self.workers.remove(worker)
        exitcode = worker.process.exitcode
        _close(worker)
        if worker.tasks:
            coding, *waiting = worker.tasks
            self.queue.extendleft(reversed(waiting))
            self._died(coding, _cause(exitcode))
        elif not worker.ready:
            self.setup_deaths += 1
            if self.setup_deaths >= self.size * (WORKER_RETRIES + 1):
                raise WorkerDied(
                    f"{self.setup_deaths} worker processes in a row died while loading the pipeline "
                    f"(the last {_cause(exitcode)})",
                    hint="Give the workers more memory, or run fewer --workers",
                )

    # --- the tasks ---

    def _done(self, task: _Task, result: ShardResult) -> None:
        if task.index is None:
            task.job.done = True
        else:
            self._collect(task, result.seconds)

    def _died(self, task: _Task, cause: str) -> None:
        if task.index is None and is_finished(task.job.shard):
            task.job.done = True  # written before its worker died
            return
        if task.index is not None and task.output.exists():
            self._collect(task, 0.0)
            return
        task.deaths += 1
        if task.deaths <= WORKER_RETRIES:
            self.queue.appendleft(task)
        elif task.index is None:
            self._split(task.job)
        else:
            item = task.inputs[0]
            error = WorkerDied(
                f"{item.id}: the worker process coding this document died ({cause}); "
                f"it was retried {WORKER_RETRIES} times"
            )
            self._record(task, failure_record(item, error))

    def _split(self, job: _Job) -> None:
        """Code the job's shard one document per task (first in the queue, in input order)."""
        count = len(job.shard.inputs)
        job.records, job.left, job.seconds = [None] * count, count, 0.0
        self.queue.extendleft(_Task(job, index) for index in reversed(range(count)))

    def _collect(self, task: _Task, seconds: float) -> None:
        """Take the record of a document coded alone from its temporary file."""
        records = read_shard(Shard(task.inputs, task.output))
        if not records:
            raise InternalError(f"the file {task.output} of a document coded alone cannot be read back")
        task.output.unlink(missing_ok=True)
        self._record(task, records[0], seconds)

    def _record(self, task: _Task, record: ArticleRecord, seconds: float = 0.0) -> None:
        """Keep a split shard's record of one document; with the last, write the shard's file."""
        job = task.job
        if task.index is None or job.records[task.index] is not None:
            raise InternalError(f"a record of the shard {job.shard.path.name} came twice")
        job.records[task.index] = record
        job.left -= 1
        job.seconds += seconds
        if job.left:
            return
        records = [r for r in job.records if r is not None]
        timed_out = sum(1 for r in records if error_code(r.error) == TimeLimit.code)
        write_shard(job.shard.path, job.shard.inputs, records, timed_out, job.seconds)
        job.done = True


def _close(worker: _Worker) -> None:
    """Release what the parent holds of a worker that has exited."""
    worker.tasks_to.close()
    worker.answers.close()
    worker.process.close()


def _cause(exitcode: int | None) -> str:
    """How a worker ended, from its exit code, with a likely reason."""
    if exitcode is None or exitcode >= 0:
        return f"it exited with status {exitcode}"
    try:
        number = signal.Signals(-exitcode)
    except ValueError:
        return f"killed by signal {-exitcode}"
    crash = ": a crash in a C extension?"
    likely = {signal.SIGKILL: ": out of memory?", signal.SIGSEGV: crash, signal.SIGBUS: crash}
    return f"killed by signal {number.value} ({number.name}){likely.get(number, '')}"


# --- in the worker -----------------------------------------------------------------------------


def _serve(
    tasks: Connection, answers: Connection, config: PipelineConfig, budget: int, doc_timeout: float | None
) -> None:
    """A worker process's life: set up, say so (or why not), then code the tasks that come on
    ``tasks`` in order, answering each on ``answers``, until ``budget`` documents are coded or the
    parent is gone."""
    try:
        _init_worker(config)
    except Exception as exc:
        if not isinstance(exc, DatelineError):
            exc = InternalError(f"a worker process could not load the pipeline: {type(exc).__name__}: {exc}")
        answers.send(("ready", exc))
        return
    answers.send(("ready", None))
    waiting: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(tasks, waiting), daemon=True).start()
    coded = 0
    while coded < budget:
        task = waiting.get()
        if task is None:
            return  # the parent is gone
        inputs, output = task
        answers.send(_attempt(inputs, output, config, doc_timeout))
        coded += len(inputs)


def _receive(tasks: Connection, waiting: queue.SimpleQueue[Any]) -> None:
    """Take the tasks as they come (a thread: the parent's send of a big one never waits for the
    coding of the one before); None once the parent is gone."""
    try:
        while True:
            waiting.put(tasks.recv())
    except (EOFError, OSError):
        waiting.put(None)


def _attempt(
    inputs: tuple[Input, ...], output: Path, config: PipelineConfig, doc_timeout: float | None
) -> tuple[str, Any]:
    """The answer to one task: ``("done", ShardResult)``, or ``("failed", error)`` when coding it
    raised: an ``OSError`` as it is, anything else as the failure of (the first of) its inputs."""
    try:
        return "done", process_shard(inputs, output, config, doc_timeout)
    except OSError as exc:
        return "failed", exc
    except Exception as exc:
        return "failed", raised(inputs[0], exc)


def _init_worker(config: PipelineConfig) -> None:
    """A worker process's set-up: no Ctrl-C (the parent handles it), death with the parent, and
    this process's pipeline for ``config``, loaded once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    from . import get_pipeline

    get_pipeline(config=config)


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (no-op elsewhere)."""
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
