"""CSV files for spreadsheets: cells that cannot run as formulas, UTF-8 with a BOM so Excel reads Chinese text.

Every CSV vodgui writes (the History page, the playback batch check, ``vodgui playauth --csv``) goes through
:func:`safe_cell`: a title, file name or service message starting with ``=``, ``+``, ``-`` or ``@`` would otherwise
be run as a formula by the spreadsheet that opens the file (CSV injection).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@")


def safe_cell(value: Any) -> str:
    """A CSV cell; text a spreadsheet would run as a formula gets a leading apostrophe. None is empty."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_rows(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """``header``, then every row, each cell through :func:`safe_cell`."""
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([safe_cell(v) for v in row] for row in rows)


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Write a CSV file (UTF-8 with a BOM, for Excel) with cells guarded by :func:`safe_cell`; returns ``path``."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        write_rows(f, header, rows)
    return str(path)
