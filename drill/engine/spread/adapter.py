"""The engine's spread factory: a scenario and a drill seed in, a ready SpreadSimulation out.

The engine knows scenarios, not graphs; this is the one place that maps the
scenario's ``audience`` block and the municipality's follower count onto
``build_audience``. ``SpreadSimulation`` already has the engine's
``SpreadPort`` shape (start/stop/advance), so no wrapper is needed.
"""

from __future__ import annotations

from typing import Any

from drill.engine.seeds import derive_seed

from .audience import Audience, build_audience
from .simulation import SpreadSettings, SpreadSimulation


def audience_for_scenario(scenario: Any, seed: int) -> Audience:
    """The scenario's audience; its own seed fixes the network, else the drill seed does."""
    spec = scenario.audience
    audience_seed = spec.seed if spec.seed is not None else derive_seed(seed, "audience") % (2**63)
    return build_audience(
        model=spec.model,
        nodes=spec.nodes,
        mean_degree=spec.mean_degree,
        seed=audience_seed,
        followers=min(scenario.municipality.followers, spec.nodes),
        triangle_probability=spec.triangle_probability,
        rewire_probability=spec.rewire_probability,
        districts=spec.districts,
    )


def spread_for_scenario(scenario: Any, seed: int, settings: SpreadSettings | None = None) -> SpreadSimulation:
    """Build the audience and the spread simulation a drill with this seed uses."""
    return SpreadSimulation(audience_for_scenario(scenario, seed), derive_seed(seed, "spread"), settings)
