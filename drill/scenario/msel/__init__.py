"""MSEL spreadsheets (Master Scenario Events List): scenarios to CSV and back.

Trainers plan exercises in spreadsheets: one row per inject with its time, type, sender,
message, expected action, objective and notes. `export_msel` writes a scenario in that shape
(plus drill's own columns for labels, spread, triggers and streams); `import_msel` reads such
a sheet, from drill or from a trainer's own planning, into a scenario file.
"""

from drill.scenario.msel.columns import COLUMNS, COLUMN_NAMES
from drill.scenario.msel.export import export_msel
from drill.scenario.msel.importer import ImportResult, MselProblem, import_msel

__all__ = ["COLUMNS", "COLUMN_NAMES", "ImportResult", "MselProblem", "export_msel", "import_msel"]
