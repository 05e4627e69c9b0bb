"""Where the pipeline runs: a local cluster of processes by default, any Dask cluster on request.

`connect` yields a `distributed.Client`. With nothing given it starts a `LocalCluster` of one
single-threaded worker process per core (segmentation and quote extraction are pure Python, so
processes, not threads, give parallelism); with `scheduler="tcp://host:8786"` it connects to a
running cluster; with `client=` it uses the caller's client as is. The same pipeline code runs
in all three cases.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

logger = logging.getLogger(__name__)


def default_workers() -> int:
    """Worker processes for a local cluster: one per core this process may use.

    Example:
        >>> default_workers() >= 1
        True
    """
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


@contextmanager
def connect(
    *,
    scheduler: str | None = None,
    client=None,
    n_workers: int | None = None,
    memory_limit: str = "auto",
    dashboard: bool = True,
) -> Iterator:
    """Yield a Dask client: the one given, one connected to `scheduler`, or a new local cluster.

    A cluster or connection made here is closed on exit; a client passed in is left open.

    Args:
        scheduler: Address of a running scheduler (`"tcp://10.0.0.5:8786"`).
        client: An existing `distributed.Client` (takes precedence over `scheduler`).
        n_workers: Worker processes of the local cluster (default: one per core).
        memory_limit: Per-worker memory limit of the local cluster (Dask syntax, `"4GiB"`).
        dashboard: Serve the Dask dashboard of the local cluster (on a free port).

    Returns:
        A context manager yielding a `distributed.Client`.

    Example:
        >>> with connect(n_workers=2) as client:  # doctest: +SKIP
        ...     print(client.dashboard_link)
    """
    from distributed import Client, LocalCluster

    if client is not None:
        yield client
        return
    if scheduler is not None:
        own = Client(scheduler)
        try:
            yield own
        finally:
            own.close()
        return
    n = n_workers or default_workers()
    cluster = LocalCluster(
        n_workers=n,
        threads_per_worker=1,
        processes=True,
        memory_limit=memory_limit,
        dashboard_address=":0" if dashboard else None,
        silence_logs=logging.ERROR,
    )
    own = Client(cluster)
    try:
        yield own
    finally:
        own.close()
        cluster.close()
