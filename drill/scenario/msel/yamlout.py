"""Writing imported scenario data as a YAML file a trainer can read and go on editing.

Keys follow the order of the scenario model (the order the documentation explains them in),
small mappings such as labels and spread stay on one line like in the shipped scenarios, and
texts with line breaks become literal blocks.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from drill.scenario.models import Scenario, Trigger

_FLOW_KEYS = {"labels", "spread", "rate", "mix", "when", "audience", "places", "fire"}
FIELD_ORDERS = {
    "scenario": list(Scenario.model_fields),
    "inject": ["id", "at", "type", "from", "thread", "text", "labels", "spread", "expected_action", "objective", "note"],
    "stream": ["id", "from", "to", "rate", "mix", "thread", "driven_by", "per_thousand_reached", "templates"],
    "trigger": list(Trigger.model_fields),
}


def scenario_yaml(data: dict[str, Any], *, modeline: str, source: str) -> str:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # long texts stay on one line; editors wrap them
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    document = _node(data, "scenario")
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    header = [modeline] if modeline else []
    header.append(f"# Imported from {source} by drill import-msel.")
    return "\n".join(header) + "\n" + buffer.getvalue()


def _node(value: Any, role: str, key: str = "") -> Any:
    if isinstance(value, dict):
        order = FIELD_ORDERS.get(role, [])
        keys = sorted(value, key=lambda k: order.index(k) if k in order else len(order))
        node = CommentedMap()
        for name in keys:
            node[name] = _node(value[name], _child_role(role, name), name)
        if key in _FLOW_KEYS or role == "persona":
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_node(v, _item_role(key), key) for v in value)
        if key in _FLOW_KEYS:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def _child_role(role: str, name: str) -> str:
    return {"then": "then"}.get(name, role if role == "inject" else name)


def _item_role(key: str) -> str:
    return {"injects": "inject", "then": "inject", "streams": "stream", "triggers": "trigger",
            "personas": "persona"}.get(key, key)
