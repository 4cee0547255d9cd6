"""Small questions of the Upload page about media kinds: subtitles found next to videos, a cover image file."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from vodgui.core.media_items import IMAGE_EXTENSIONS
from vodgui.ui.dialogs import ask
from vodgui.ui.file_intake import SubtitleOffer


class MediaPrompts(QObject):
    """The questions (a QObject for literal ``self.tr`` calls that lupdate extracts).

    Signals: none.
    """

    def ask_subtitles(self, parent: QWidget, offers: list[SubtitleOffer]) -> bool:
        """Upload the subtitle files found next to the added videos too (attached media of type subtitle)?"""
        names = [os.path.basename(p) for offer in offers for p in offer.subtitles]
        shown = ", ".join(names[:5]) + ("…" if len(names) > 5 else "")
        return ask(parent, self.tr("Subtitles found"),
                   self.tr("%n subtitle file(s) lie next to the videos you added: {0}. Upload them too, as "
                           "subtitle media?", "", len(names)).format(shown),
                   self.tr("Upload subtitles"), self.tr("Only the videos"))

    def choose_image(self, parent: QWidget, start_dir: str) -> str:
        """An image for a cover (png, jpg, jpeg or gif), or "" when the user cancels."""
        patterns = " ".join(f"*.{ext}" for ext in sorted(IMAGE_EXTENSIONS))
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("Choose a cover image"), start_dir,
                                              self.tr("Images ({0})").format(patterns))
        return path
