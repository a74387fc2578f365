"""Audience networks and how posts, rumours and corrections spread through them.

The engine uses ``build_audience`` once per scenario and one
``SpreadSimulation`` per drill; reports use ``counterfactual``. Everything is
deterministic in the seed and free of I/O and wall-clock time.
"""

from .analysis import communities, degree_summary, influential_nodes
from .audience import MODELS as AUDIENCE_MODELS
from .audience import Audience, build_audience
from .counterfactual import CounterfactualResult, counterfactual, replay_reach
from .csr import CSRGraph, from_networkx, to_networkx
from .kernel import CascadeParams
from drill.engine.spread_port import ReachSnapshot

from .simulation import (
    DEFAULT_SHARE_PROBABILITY,
    ROLES,
    SpreadSettings,
    SpreadSimulation,
    StartRecord,
    StopRecord,
)
from .textbook import CascadeOutcome, independent_cascade, sir

__all__ = [
    "AUDIENCE_MODELS",
    "Audience",
    "CSRGraph",
    "CascadeOutcome",
    "CascadeParams",
    "CounterfactualResult",
    "DEFAULT_SHARE_PROBABILITY",
    "ROLES",
    "ReachSnapshot",
    "SpreadSettings",
    "SpreadSimulation",
    "StartRecord",
    "StopRecord",
    "build_audience",
    "communities",
    "counterfactual",
    "degree_summary",
    "from_networkx",
    "independent_cascade",
    "influential_nodes",
    "replay_reach",
    "sir",
    "to_networkx",
]
