"""Words and sentences that reach the window from the service or the core, shown in the user's language.

* VOD media statuses (``Transcoding``, ``Normal``…) are the source texts of the ``MediaStatus`` context: English
  shows the service's own word, other languages their translation.
* The core's own messages are codes with values, rendered by :mod:`vodgui.ui.message_texts`; nothing here parses
  an English sentence back.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: VOD's media statuses, marked for lupdate; translated at display time by :func:`media_status_text`.
MEDIA_STATUSES = (
    QT_TRANSLATE_NOOP("MediaStatus", "Uploading"),
    QT_TRANSLATE_NOOP("MediaStatus", "UploadSucc"),
    QT_TRANSLATE_NOOP("MediaStatus", "Transcoding"),
    QT_TRANSLATE_NOOP("MediaStatus", "Checking"),
    QT_TRANSLATE_NOOP("MediaStatus", "Normal"),
    QT_TRANSLATE_NOOP("MediaStatus", "Blocked"),
    QT_TRANSLATE_NOOP("MediaStatus", "UploadFail"),
    QT_TRANSLATE_NOOP("MediaStatus", "TranscodeFail"),
    QT_TRANSLATE_NOOP("MediaStatus", "ProduceFail"),
    QT_TRANSLATE_NOOP("MediaStatus", "NotFound"),
)


def media_status_text(status: str | None) -> str:
    """A VOD media status in the user's language (an unknown status is shown as the service sent it)."""
    if not status:
        return ""
    return QCoreApplication.translate("MediaStatus", status) if status in MEDIA_STATUSES else status


def join_sentences(*sentences: str) -> str:
    """Sentences in a row: a space between them in English, none in Chinese (its full stop carries the gap).
    Empty ones are left out."""
    text = ""
    for sentence in sentences:
        if sentence:
            text = QCoreApplication.translate("Sentences", "{0} {1}", "two sentences in a row").format(
                text, sentence) if text else sentence
    return text
