"""A stage for the tests of worker deaths: ``kill_worker`` kills the worker process coding a text
that holds `MARKER`, with SIGKILL (as the OOM killer does), and does nothing in any other process.

No hook in dateline: stages are found by name in `dateline.registry`, and a worker learns of this
one by unpickling its configuration. `stage_names` gives ``PipelineConfig.stages`` whose first name
pickles as a call of `_registered` (a function of this module): unpickling it imports this module
and registers the stage, in the worker only; the name is a plain ``str`` again there.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from dataclasses import dataclass
from typing import ClassVar, Self

from dateline.pipeline import PipelineConfig
from dateline.registry import register
from dateline.stages import ArticleState, SharedResources

MARKER = "KILL-THE-WORKER"
NAME = "kill_worker"


@dataclass(slots=True)
class KillWorker:
    """Kills its own (worker) process on a text holding `MARKER`."""

    name: ClassVar[str] = NAME
    needs: ClassVar[frozenset[str]] = frozenset()
    gives: ClassVar[frozenset[str]] = frozenset()
    failure: ClassVar[str] = "killing the worker"

    @classmethod
    def from_config(cls, config: PipelineConfig, shared: SharedResources) -> Self:
        return cls()

    def __call__(self, state: ArticleState) -> None:
        if MARKER in (state.raw.text or "") and multiprocessing.parent_process() is not None:
            os.kill(os.getpid(), signal.SIGKILL)


class _Name(str):
    """A stage name that registers `KillWorker` in the process that unpickles it."""

    __slots__ = ()

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return _registered, (str(self),)


def _registered(name: str) -> str:
    register(NAME)(KillWorker)
    return name


def stage_names(*names: str) -> tuple[str, ...]:
    """``kill_worker`` then ``names``: stages for a `PipelineConfig` whose workers have the stage."""
    return (_Name(NAME), *names)
