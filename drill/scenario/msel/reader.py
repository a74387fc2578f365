"""Reading a CSV file the way a spreadsheet wrote it: which separator, where the table starts.

Excel in Norway saves CSV with semicolons, elsewhere with commas, and copy-paste gives tabs;
the file may start with a byte-order mark. Rather than guessing the separator from the first
line, each candidate is tried and the one whose header row names the most known columns wins.
Row numbers are counted in records (what the spreadsheet shows as its row number), so a cell
with a line break inside does not shift the numbers of the rows below it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from drill.scenario.msel.cells import unguard_formula
from drill.scenario.msel.columns import column_for

DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True)
class Record:
    row: int
    cells: list[str]

    @property
    def blank(self) -> bool:
        return not any(c.strip() for c in self.cells)

    @property
    def comment(self) -> bool:
        """A note for the reader: the row's first cell starts with #. Only the first cell
        counts, so a message such as '#flom' in a later column is never mistaken for one."""
        return bool(self.cells) and self.cells[0].lstrip().startswith("#")


@dataclass(frozen=True)
class Sheet:
    delimiter: str
    settings: list[Record]
    """Rows above the column header: `key;value` settings."""
    header: Record | None
    rows: list[Record]
    """Rows below the header."""


def read_sheet(text: str) -> Sheet:
    text = text.lstrip("\ufeff")
    best: Sheet | None = None
    best_score = -1
    for delimiter in DELIMITERS:
        sheet = _split(text, delimiter)
        score = sum(1 for c in sheet.header.cells if column_for(c)) if sheet.header else 0
        if score > best_score:
            best, best_score = sheet, score
    assert best is not None
    return best


def _split(text: str, delimiter: str) -> Sheet:
    records = [
        Record(number, [unguard_formula(cell) for cell in cells])
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1)
    ]
    for index, record in enumerate(records):
        names = {column_for(cell) for cell in record.cells}
        if "message" in names and len(names - {None}) >= 2:
            return Sheet(delimiter, records[:index], record, records[index + 1:])
    return Sheet(delimiter, records, None, [])
