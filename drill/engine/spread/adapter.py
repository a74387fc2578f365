"""The engine's spread factory: a scenario and a drill seed in, a ready SpreadSimulation out.

The engine knows scenarios, not graphs; this is the one place that maps the
scenario's ``audience`` block and the municipality's follower count onto
``build_audience``. ``SpreadSimulation`` is the engine's ``SpreadPort``
(start, stop, advance, counterfactuals), so no wrapper is needed; the
assignment below has mypy check that it stays so.

A page may have more followers than the audience model has people (a city's
page on a town-sized model). Then every person in the model follows the page
and reach can never exceed the model's size; ``drill validate`` says so
plainly ([audience-sample]), rather than the cap going unnoticed.
"""

from __future__ import annotations

from typing import Any

from drill.engine.seeds import derive_seed
from drill.engine.spread_port import SpreadPort

from .audience import Audience, build_audience
from .simulation import SpreadSettings, SpreadSimulation


def audience_followers(scenario: Any) -> int:
    """Followers in the model: the page's followers, or every person when the model is smaller."""
    return int(min(scenario.municipality.followers, scenario.audience.nodes))


def audience_for_scenario(scenario: Any, seed: int) -> Audience:
    """The scenario's audience; its own seed fixes the network, else the drill seed does."""
    spec = scenario.audience
    audience_seed = spec.seed if spec.seed is not None else derive_seed(seed, "audience") % (2**63)
    return build_audience(
        model=spec.model,
        nodes=spec.nodes,
        mean_degree=spec.mean_degree,
        seed=audience_seed,
        followers=audience_followers(scenario),
        triangle_probability=spec.triangle_probability,
        rewire_probability=spec.rewire_probability,
        districts=spec.districts,
    )


def spread_for_scenario(scenario: Any, seed: int, settings: SpreadSettings | None = None) -> SpreadSimulation:
    """Build the audience and the spread simulation a drill with this seed uses."""
    return SpreadSimulation(audience_for_scenario(scenario, seed), derive_seed(seed, "spread"), settings)


_IS_A_PORT: type[SpreadPort] = SpreadSimulation
