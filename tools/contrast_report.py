"""Print the measured WCAG 2 contrast ratios of vodgui's meaningful colours, per palette (issue 18).

Usage::

    QT_QPA_PLATFORM=offscreen python tools/contrast_report.py [--matrix]

The figures come from rendered pixels, as tests/unit/ui/test_contrast.py measures them (tests/helpers/contrast.py):
labels in each tone on the window, base and alternate-base surfaces, the queue's Failed state, the progress bar's
percentage on its unfilled and filled parts, the History dots and the Log levels: one table per palette (colours
included), or with ``--matrix`` one table of ratios, a column per palette. The last line is one JSON object: the
lowest ratio per palette.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from tests.helpers.contrast import PALETTES, measure_all


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv[:1])
    assert isinstance(app, QApplication)
    lowest: dict[str, float] = {}
    matrix: dict[tuple[str, str], dict[str, float]] = {}
    for name in PALETTES:
        measures = measure_all(app, name)
        lowest[name] = round(min(m.ratio for m in measures), 2)
        for m in measures:
            matrix.setdefault((m.what, m.surface), {})[name] = m.ratio
        if "--matrix" in argv:
            continue
        print(f"\n### {name} (lowest {lowest[name]:.2f}:1)\n")
        print("| what | drawn on | ratio | colour | background |")
        print("|---|---|---:|---|---|")
        for m in measures:
            print(f"| {m.what} | {m.surface} | {m.ratio:.2f} | {m.color} | {m.background} |")
    if "--matrix" in argv:
        print("| what | drawn on | " + " | ".join(PALETTES) + " |")
        print("|---|---|" + "---:|" * len(PALETTES))
        for (what, surface), ratios in matrix.items():
            print(f"| {what} | {surface} | " + " | ".join(f"{ratios[p]:.2f}" for p in PALETTES) + " |")
    print(json.dumps({"min_contrast": lowest}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
