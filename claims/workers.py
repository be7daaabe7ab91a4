"""Where reading and extraction run: in this process, in a pool of local processes, or on a dask cluster.

`Workers.map` gives results in input order whatever runs them, so the output of a run is the same bytes
with `--jobs 1`, `--jobs N` and `--dask`. Each worker holds one Knowledge for the whole run: a forked
local worker inherits the parent's (with the patterns it already compiled), a dask worker builds its own
from the run's config on its first task, so no task carries the lexicon.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterator, Optional

from .errors import NewsdiffError
from .lexicon import Knowledge

CHUNKS_PER_WORKER = 8  # enough chunks that a slow one does not leave a worker idle
LOCAL_CLUSTER_WORKERS = 2

_WORKER_KNOWLEDGE: Optional[Knowledge] = None


def worker_count(jobs: int) -> int:
    """The processes for `jobs`: 0 means one per core."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def worker_knowledge() -> Knowledge:
    """The Knowledge of the worker this runs in."""
    assert _WORKER_KNOWLEDGE is not None, "a worker task ran before its worker was started"
    return _WORKER_KNOWLEDGE


class Workers:
    """The processes of one run; a dask client, when asked for, is opened once and closed with the run."""

    def __init__(self, knowledge: Knowledge, jobs: int = 1, dask: Optional[str] = None):
        self.knowledge = knowledge
        self.jobs = worker_count(jobs)
        self.dask = dask
        self._client: Any = None
        self._cluster: Any = None

    @property
    def parallel(self) -> bool:
        return self.dask is not None or self.jobs > 1

    def map(self, task: Callable, items: list) -> Iterator:
        """task(item) for every item, in order, run by the workers."""
        if not items:
            return iter(())
        if self.dask is not None:
            return self._dask_map(task, items)
        return self._local_map(task, items)

    def _local_map(self, task: Callable, items: list) -> Iterator:
        # a pool per call: it forks after the parent compiled what it needed, so the workers inherit it
        with _local_pool(self.knowledge, self.jobs) as pool:
            yield from pool.map(task, items, chunksize=max(1, len(items) // (self.jobs * CHUNKS_PER_WORKER)))

    def _dask_map(self, task: Callable, items: list) -> Iterator:
        client = self._dask_client()
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
        batches = [items[i:i + size] for i in range(0, len(items), size)]
        futures = client.map(_run_batch, batches, task=task, config=self.knowledge.config, pure=False)
        for future in futures:
            yield from future.result()

    def _dask_client(self):
        if self._client is None:
            self._client, self._cluster = _connect(self.dask)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _local_pool(knowledge: Knowledge, jobs: int) -> ProcessPoolExecutor:
    """Workers with this run's Knowledge: forked where the system can, so its compiled patterns come along."""
    if "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_adopt_knowledge, initargs=(knowledge,))
    return ProcessPoolExecutor(max_workers=jobs, initializer=start_worker, initargs=(knowledge.config,))


def _adopt_knowledge(knowledge: Knowledge) -> None:
    global _WORKER_KNOWLEDGE
    _WORKER_KNOWLEDGE = knowledge


def start_worker(config: dict) -> None:
    """Give this process the run's Knowledge, built from the run's config."""
    _adopt_knowledge(Knowledge(config))


def _run_batch(batch: list, task: Callable, config: dict) -> list:
    """One dask task: a batch of items; the worker builds the run's Knowledge on its first batch (the
    config travels, small, never the lexicon)."""
    if _WORKER_KNOWLEDGE is None or _WORKER_KNOWLEDGE.config != config:
        start_worker(config)
    return [task(item) for item in batch]


def _connect(address: str) -> tuple:
    """A dask client for `address` and the LocalCluster it runs on when the address is "local"."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise NewsdiffError("--dask needs dask.distributed: pip install 'newsdiff[dask]'") from None
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=LOCAL_CLUSTER_WORKERS, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise NewsdiffError(f"cannot reach the dask scheduler at {address}: {exc}") from None
    return client, cluster
