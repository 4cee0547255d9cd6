"""The one way the window asks a yes-or-no question: a modal message box with two named buttons.

The texts come translated from the caller (its literal ``self.tr`` calls are what lupdate extracts); the box is
deleted once answered, so asking a thousand times holds no dialogs.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, title: str, text: str, accept: str, reject: str | QMessageBox.StandardButton, *,
        destructive: bool = False, icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> bool:
    """True when the user presses ``accept``.

    ``reject`` is a button text or a standard button (Cancel). A ``destructive`` question (cancel uploads, remove
    items) marks ``accept`` as destructive and makes ``reject`` the default, so Enter keeps things as they are;
    otherwise ``accept`` is the default.
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(accept, QMessageBox.ButtonRole.DestructiveRole if destructive
                        else QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(reject) if isinstance(reject, QMessageBox.StandardButton) \
        else box.addButton(reject, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no if destructive else yes)
    box.exec()
    answer = box.clickedButton() is yes
    box.deleteLater()
    return answer
