"""Connected components of an edge list, merged the partial-fit/merge way (union-find).

Every edge partition is reduced to a forest (each node touched -> the smallest node of its
local component); forests are merged pairwise in a tree, so no step sees more than the nodes
of two forests. The result labels each node of a component with its smallest node, which is
what story clustering and duplicate groups need: the same components as
`scipy.sparse.csgraph.connected_components`, a deterministic label.
"""

from __future__ import annotations

import numpy as np


def forest(edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Union-find over `(a, b)` edges: `(nodes, roots)`, root = smallest node of the component.

    Args:
        edges: Integer array of shape (m, 2).

    Returns:
        Sorted distinct nodes and the root of each.

    Example:
        >>> nodes, roots = forest(np.array([[3, 5], [5, 9], [1, 2]]))
        >>> dict(zip(nodes.tolist(), roots.tolist()))
        {1: 1, 2: 1, 3: 3, 5: 3, 9: 3}
    """
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    nodes, inverse = np.unique(edges, return_inverse=True)
    inverse = inverse.reshape(-1, 2)
    parent = np.arange(len(nodes))

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for a, b in inverse.tolist():
        ra, rb = find(a), find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            parent[hi] = lo  # nodes are sorted, so the smaller index is the smaller node
    roots = np.array([find(i) for i in range(len(nodes))], dtype=np.int64)
    return nodes, nodes[roots] if len(nodes) else nodes


def merge_forests(*forests: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Merge forests: their `(node, root)` pairs are edges of the merged graph.

    Example:
        >>> a = forest(np.array([[1, 2]]))
        >>> b = forest(np.array([[2, 7]]))
        >>> merge_forests(a, b)[1].tolist()
        [1, 1, 1]
    """
    edges = [np.stack([n, r], axis=1) for n, r in forests if len(n)]
    if not edges:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    return forest(np.concatenate(edges))


def components(client, edge_parts: list, *, fan_in: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Connected components of edges spread over futures, by a tree of forest merges.

    Args:
        client: A `distributed.Client`.
        edge_parts: Futures (or arrays) of `(m, 2)` edge arrays.
        fan_in: Forests merged per task.

    Returns:
        `(nodes, roots)` over every node that has an edge (isolated nodes are their own
        component and are not listed).
    """
    level = client.map(forest, edge_parts, pure=False) if edge_parts else []
    if not level:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    while len(level) > 1:
        level = [
            client.submit(merge_forests, *level[i : i + fan_in], pure=False)
            for i in range(0, len(level), fan_in)
        ]
    return client.gather(level[0])
