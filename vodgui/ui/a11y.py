"""Names for screen readers: the few helpers pages use to give a control an accessible name.

Qt names a button after its text and a field after a QLabel *beside it* whose buddy it is. Anything else (an
icon-only button, a field nested in a row widget, a combo box, an item view) needs a name set here. Names come
translated from the caller (a literal ``self.tr`` lupdate sees) or from a label's translated text; widgets are
built again after a language change, so names follow it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar, QToolButton, QWidget

_ACCELERATOR = re.compile(r"[(（]&\w[)）]|&(?!&)")


def plain(text: str) -> str:
    """A label's or menu's text as a name: no accelerator marks ("&Title:", "标题(&T)：", "文件（&F）"), no trailing
    colon."""
    text = _ACCELERATOR.sub("", text).replace("&&", "&").strip()
    return text.rstrip(":：").strip()


def name(widget: QWidget, accessible_name: str, description: str | None = None) -> None:
    """Give ``widget`` a name (and a description where the name is not enough). A line edit's clear button and
    its named field actions (:func:`name_field_action`) are named after it too."""
    widget.setAccessibleName(plain(accessible_name))
    if description is not None:
        widget.setAccessibleDescription(description)
    if isinstance(widget, QLineEdit):
        _name_field_buttons(widget)


def label(label_widget: QLabel, field: QWidget) -> QLabel:
    """``label_widget`` names ``field``: its buddy (Alt+letter and the "labelled by" relation) and its accessible
    name (Qt finds a buddy's name only when both share a parent). Call it again after the label's text changed."""
    label_widget.setBuddy(field)
    name(field, label_widget.text())
    return label_widget


def name_field_action(action: QAction, field: QLineEdit, context: str, source: str) -> None:
    """An icon button inside ``field`` (``QLineEdit.addAction``): its name is ``source`` (a ``QT_TRANSLATE_NOOP``
    text of ``context`` with a ``{0}`` for the field's name), in the current language, renamed whenever the field
    is (a language switch)."""
    action.setProperty("a11y_context", context)
    action.setProperty("a11y_source", source)
    _name_field_buttons(field)


def _name_field_buttons(edit: QLineEdit) -> None:
    """Name the buttons inside ``edit`` after its accessible name: the clear button ``setClearButtonEnabled`` put
    there ("Clear Title"; without a name it is announced as just "button") and the actions of
    :func:`name_field_action`."""
    field_name = plain(edit.accessibleName())
    for action in edit.findChildren(QAction):  # the clear action is a child, not in actions()
        if action.objectName() == "_q_qlineeditclearaction":
            text = QCoreApplication.translate("Accessibility", "Clear {0}").format(field_name)
        elif action.property("a11y_source"):
            text = QCoreApplication.translate(str(action.property("a11y_context")),
                                              str(action.property("a11y_source"))).format(field_name)
        else:
            continue
        action.setText(text)
        action.setIconText(text)
def name_toolbar(toolbar: QToolBar) -> None:
    """Name the arrow a tool bar shows when its buttons do not fit (at a large scale or a narrow window): it opens
    the buttons left out, and without a name a screen reader says just "button"."""
    more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    if more is not None:
        more.setAccessibleName(QCoreApplication.translate("Accessibility", "More buttons of {0}").format(
            plain(toolbar.windowTitle())))
