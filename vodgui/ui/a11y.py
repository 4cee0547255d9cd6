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

_ACCELERATOR = re.compile(r"&(?!&)|\(&\w\)")


def plain(text: str) -> str:
    """A label's text as a name: no accelerator marks ("&Title:", "标题(&T)："), no trailing colon."""
    text = _ACCELERATOR.sub("", text).replace("&&", "&").strip()
    return text.rstrip(":：").strip()


def name(widget: QWidget, accessible_name: str, description: str | None = None) -> None:
    """Give ``widget`` a name (and a description where the name is not enough)."""
    widget.setAccessibleName(plain(accessible_name))
    if description is not None:
        widget.setAccessibleDescription(description)


def label(label_widget: QLabel, field: QWidget) -> QLabel:
    """``label_widget`` names ``field``: its buddy (Alt+letter and the "labelled by" relation) and its accessible
    name (Qt finds a buddy's name only when both share a parent)."""
    label_widget.setBuddy(field)
    field.setAccessibleName(plain(label_widget.text()))
    return label_widget


def name_clear_button(edit: QLineEdit, field_name: str) -> None:
    """Name the clear button ``setClearButtonEnabled`` put into ``edit`` ("Clear Title"); without a name it is
    announced as just "button". Call after enabling it."""
    action = edit.findChild(QAction, "_q_qlineeditclearaction")
    if action is not None:
        action.setText(QCoreApplication.translate("Accessibility", "Clear {0}").format(plain(field_name)))


def name_toolbar(toolbar: QToolBar) -> None:
    """Name the arrow a tool bar shows when its buttons do not fit (at a large scale or a narrow window): it opens
    the buttons left out, and without a name a screen reader says just "button"."""
    more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    if more is not None:
        more.setAccessibleName(QCoreApplication.translate("Accessibility", "More buttons of {0}").format(
            plain(toolbar.windowTitle())))


def name_field_action(action: QAction, text: str) -> None:
    """An icon inside a field (``QLineEdit.addAction``): its text is the button's name and tooltip."""
    action.setText(text)
    action.setIconText(text)
