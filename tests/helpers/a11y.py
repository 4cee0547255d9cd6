"""What a screen reader gets from a window: walk its widgets, ask Qt's accessibility layer for each operable
control's name, list the ones without one.

Used by tests/unit/ui/test_accessibility_walk.py and by ``python -m tests.helpers.a11y_audit`` (a count and a
dump of the accessible tree, for notes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: What a user can operate: press, type into, choose from, drag, or move through.
OPERABLE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QAbstractSlider,
            QAbstractItemView, QTabBar)

#: Qt's own internal widgets, by object name: a screen reader reaches them through their owner (whose name is
#: checked), never as controls of their own.
QT_INTERNAL_NAMES = {
    "qt_spinbox_lineedit",  # the text field inside every QSpinBox/QDoubleSpinBox/QDateTimeEdit: the spin box speaks
    "qt_tableview_cornerbutton",  # QTableView's "select all" corner, mouse only; the table is the control
    "ScrollLeftButton", "ScrollRightButton",  # QTabBar's scroll arrows when the tabs do not fit
    # A scroll area's scroll bars sit in these containers: the area's accessible interface scrolls (and the
    # screen reader moves by caret or row, not by scroll bar).
    "qt_scrollarea_hcontainer", "qt_scrollarea_vcontainer",
}
#: Qt's internal widgets by class (``metaObject().className()``: PySide6 shows private classes as their public
#: base), where Qt gives them no object name.
QT_INTERNAL_CLASSES = {
    "QComboBoxPrivateContainer",  # a combo box's drop-down (its QComboBoxListView): the combo box is the control
    "QComboBoxListView",
    # An item view's header: the view's accessible table lists the column headers as its own children, named
    # from the model's headerData, and a screen reader reads them there.
    "QHeaderView",
}


@dataclass(frozen=True)
class Control:
    """One operable widget as a screen reader sees it."""

    path: str  # objectName/class chain from the window, for messages
    cls: str
    role: str
    name: str
    description: str
    visible: bool


def _label(widget: QWidget) -> str:
    return widget.objectName() or widget.metaObject().className()


def widget_path(widget: QWidget) -> str:
    parts: list[str] = []
    w: QWidget | None = widget
    while w is not None:
        parts.append(_label(w))
        w = w.parentWidget()
    return "/".join(reversed(parts))


def is_qt_internal(widget: QWidget) -> bool:
    """A Qt-made part of a bigger widget (allow-listed above), or anything inside one."""
    w: QWidget | None = widget
    while w is not None:
        if w.objectName() in QT_INTERNAL_NAMES or w.metaObject().className() in QT_INTERNAL_CLASSES:
            return True
        # The editor inside an editable QComboBox belongs to the combo box (Qt names it nothing).
        if w is widget and isinstance(w, QLineEdit) and isinstance(w.parentWidget(), QComboBox):
            return True
        w = w.parentWidget()
    return False


def operable(root: QWidget) -> Iterator[QWidget]:
    """``root`` and every widget below it that a user can operate, Qt's internals left out."""
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, OPERABLE) and not is_qt_internal(widget):
            yield widget


def sibling_buddy_text(widget: QWidget) -> str:
    """The text of a QLabel beside ``widget`` (same parent) whose buddy it is: what Qt names a widget after."""
    parent = widget.parentWidget()
    if parent is None:
        return ""
    for label in parent.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if label.buddy() is widget:
            return label.text()
    return ""


def accessible_name(widget: QWidget, iface: QAccessibleInterface) -> str:
    """The name a screen reader announces for ``widget``.

    A combo box is the exception: on Linux Qt gives its current item as the name (the label is meant to come
    through a "labelled by" relation), on Windows and macOS its accessible name or a label beside it. Its item
    is not a name, so a combo box needs an accessible name or a label buddy beside it (good on every platform).
    """
    if isinstance(widget, QComboBox):
        return (widget.accessibleName() or sibling_buddy_text(widget)).replace("&", "").strip()
    return iface.text(QAccessible.Text.Name).strip()


def control(widget: QWidget) -> Control:
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None or not iface.isValid():
        return Control(widget_path(widget), widget.metaObject().className(), "none", "", "", widget.isVisible())
    return Control(widget_path(widget), widget.metaObject().className(), iface.role().name,
                   accessible_name(widget, iface), iface.text(QAccessible.Text.Description).strip(),
                   widget.isVisible())


def controls(roots: Iterable[QWidget]) -> list[Control]:
    seen: set[int] = set()
    out = []
    for root in roots:
        for widget in operable(root):
            if id(widget) not in seen:
                seen.add(id(widget))
                out.append(control(widget))
    return out


def unnamed(roots: Iterable[QWidget]) -> list[Control]:
    return [c for c in controls(roots) if not c.name]


def internal(roots: Iterable[QWidget]) -> list[QWidget]:
    """The operable widgets left out as Qt's internals (for counting)."""
    found = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if isinstance(widget, OPERABLE) and is_qt_internal(widget):
                found.append(widget)
    return found


# -- opening everything a user can reach ---------------------------------------------------------------------
def reveal(window: Any) -> None:
    """Show what exists only to be shown now and then: the update bar (its buttons have words only while it asks
    or tells, and it is hidden otherwise)."""
    window.update_bar._show("ask")


def open_every_dialog(window: Any) -> list[QWidget]:
    """Open each dialog of the app over ``window`` (a shown MainWindow on the built-in sandbox) the way the user
    does where the app opens it without blocking, and show the update bar's question; the dialogs, shown.

    Message boxes that block (``ask``) are walked with :func:`walk_modal`; file pickers are Qt's own.
    """
    from vodgui.core.intake import Duplicate, FoundFile
    from vodgui.core.ledger import LedgerEntry
    from vodgui.core.video_details import VideoRef
    from vodgui.ui.add_url_dialog import AddUrlDialog
    from vodgui.ui.duplicate_prompt import DuplicatePrompt
    from vodgui.ui.video_details_dialog import VideoDetailsDialog

    reveal(window)
    before = set(QApplication.topLevelWidgets())
    window.open_settings()
    window.show_shortcuts()  # F1: the keyboard shortcuts
    window.new_profile()
    window.edit_profile()  # the built-in sandbox profile
    window.watch_page.add_folder()
    window.upload_page.edit_defaults()
    opened = [w for w in QApplication.topLevelWidgets() if w not in before and isinstance(w, QDialog)]
    url = AddUrlDialog(window.ctx.current_profile or "", window)
    entry = LedgerEntry("1234567890123456", "cn-shanghai", "/v/clip.mp4", 10, 1, "42", "vid123", "video", 1.7e9)
    duplicate = DuplicatePrompt(Duplicate(FoundFile("/v/clip.mp4", 10, 1), entry), 2, window, "Sandbox")
    # History's "Edit details" for a video (its read fails in the background: the form is the same).
    details = VideoDetailsDialog(window.ctx, [VideoRef(window.ctx.current_profile or "", "f" * 32)], {}, window)
    for dialog in (url, duplicate, details):
        dialog.show()
        opened.append(dialog)
    QApplication.processEvents()
    return opened


def walk_modal(trigger: Callable[[], Any]) -> list[Control]:
    """Run ``trigger`` (which opens a modal message box and waits), walk the box while it is open, dismiss it;
    the box's controls."""
    found: list[Control] = []

    def walk() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, walk)
            return
        found.extend(controls([box]))
        box.close() if not isinstance(box, QDialog) else box.reject()

    QTimer.singleShot(0, walk)
    trigger()
    return found


def close_all(dialogs: Iterable[QWidget]) -> None:
    for dialog in dialogs:
        dialog.close()
    QApplication.processEvents()
