"""How the window names the kinds of queue item (video, image, attached media, HLS package, URL)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QObject

from vodgui.core.media_items import KIND_ATTACHED, KIND_IMAGE, KIND_M3U8, KIND_URL, KIND_VIDEO
from vodgui.core.transfer.record import AttachedDetails, Details, ImageDetails, Kind, M3u8Details
from vodgui.ui.i18n import language_key


class KindTexts(QObject):
    """The translated names (literal ``self.tr`` calls, for lupdate)."""

    def names(self) -> dict[str, str]:
        return {
            KIND_VIDEO: self.tr("Video or audio"),
            KIND_IMAGE: self.tr("Image"),
            "image:cover": self.tr("Cover image"),
            KIND_ATTACHED: self.tr("Attached media"),
            "attached:subtitle": self.tr("Subtitles"),
            "attached:watermark": self.tr("Watermark"),
            "attached:material": self.tr("Material"),
            KIND_M3U8: self.tr("HLS package"),
            KIND_URL: self.tr("Upload by URL"),
        }

    def package(self, segments: int) -> str:
        return self.tr("HLS package: the playlist and %n segment(s)", "", segments)

    def fetching(self) -> str:
        return self.tr("VOD fetches this file itself: its progress is not known until it is done.")


@lru_cache(maxsize=4)
def _names(language: int) -> dict[str, str]:
    return KindTexts().names()


def kind_label(kind: Kind, details: Details | None = None) -> str:
    """``Cover image``, ``Subtitles``, ``HLS package``... for a queue item."""
    names = _names(language_key())
    if isinstance(details, M3u8Details) and details.segments:
        return KindTexts().package(details.segments)
    detail = details.image_type if isinstance(details, ImageDetails) else (
        details.business_type if isinstance(details, AttachedDetails) else None)
    return names.get(f"{kind}:{detail}") or names.get(kind) or kind


def kind_tooltip(kind: Kind, details: Details | None, path: str) -> str:
    """The File column's tooltip: what the item is, then where it comes from."""
    if kind == KIND_VIDEO:
        return path
    text = f"{kind_label(kind, details)}\n{path}"
    if kind == KIND_URL:
        text += "\n" + KindTexts().fetching()
    return text
