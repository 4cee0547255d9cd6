"""PLACEHOLDER - being written."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from vodgui.ui.context import AppContext


class HistoryPage(QWidget):
    def __init__(self, ctx: AppContext, *args: Any) -> None:
        parent = args[-1] if args and isinstance(args[-1], QWidget) else None
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("HistoryPage")))

    def show_videos(self, video_ids: list[str]) -> None:
        pass
