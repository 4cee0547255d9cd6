"""Translations: vodgui's own (.qm from resources/translations) and Qt's standard dialogs, by the system locale
or the language chosen in Settings."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator

from vodgui.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_installed: list[QTranslator] = []
#: Bumped by every install_translators call; see language_key().
_generation = 0


def language_key() -> int:
    """Changes whenever the translators are (re)installed: caches of translated texts key on it, so a language
    switch is picked up without comparing any text."""
    return _generation


def resolve_language(choice: str, locale: QLocale | None = None) -> str:
    """The language to show for the Settings choice ``choice``.

    ``""`` follows the system locale: ``locale``, by default ``QLocale()`` (the system's, unless
    ``QLocale.setDefault`` chose another). Its UI languages are tried in order (``LANGUAGE=fr:zh_CN`` gives
    Chinese): the first Chinese one maps to zh_CN, the first English one, or none of the two, to English.
    """
    if choice:
        return choice if choice in LANGUAGES else "en"
    for tag in (locale if locale is not None else QLocale()).uiLanguages():
        language = tag.replace("_", "-").split("-")[0].lower()
        if language == "zh":
            return "zh_CN"
        if language == "en":
            return "en"
    return "en"


def install_translators(app: QCoreApplication, choice: str) -> str:
    """(Re)install translators for ``choice``; returns the language in effect."""
    global _generation
    _generation += 1
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    lang = resolve_language(choice)
    if lang == "en":
        # English needs a translator too, for its plural forms only ("%n file(s)" -> "1 file", "2 files").
        plurals = QTranslator(app)
        if plurals.load(str(resource_path("translations", "vodgui_en.qm"))):
            app.installTranslator(plurals)
            _installed.append(plurals)
        return lang
    ours = QTranslator(app)
    path = resource_path("translations", f"vodgui_{lang}.qm")
    if ours.load(str(path)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation %s not found at %s", lang, path)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang


class Retranslator(QObject):
    """Calls ``retranslate`` once after a language switch reaches ``widget``.

    A switch removes and installs several translators, each sending LanguageChange: the call waits until the
    event loop is back, when all of them are in place.
    """

    def __init__(self, widget: QObject, retranslate: Callable[[], None]) -> None:
        super().__init__(widget)
        self._retranslate = retranslate
        self._pending = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self._pending = False
        self._retranslate()
