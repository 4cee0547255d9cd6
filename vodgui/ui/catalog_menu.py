"""Catalog pickers for plain ID fields: a button inside the Category, Template group and App ID fields of the
metadata editor and the defaults dialog opens a menu of the account's entries (the cached catalog, fetched on
first use or with "Refresh lists"); choosing one types its ID into the field, which stays editable.

Call :func:`attach_catalog_pickers` on the form's inputs; nothing else about the form changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QMenu, QStyle, QWidget

from vodgui.core.catalog import Catalog, CatalogCache
from vodgui.ui import a11y
from vodgui.ui.errors import describe_exception
from vodgui.ui.ops import run_op

#: Form field -> what the menu lists.
FIELDS = ("cate_id", "template_group_id", "app_id")


#: The list button's name, after its field's ("Choose Category ID from the account's list").
_CHOOSE = QT_TRANSLATE_NOOP("CatalogMenus", "Choose {0} from the account's list")

class CatalogMenus(QObject):
    """The menus of one form. ``profile()`` names the profile whose account is listed."""

    def __init__(self, inputs: Mapping[str, QWidget], cache: CatalogCache, sessions: Callable[[str], Any],
                 profile: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self._sessions = sessions
        self._profile = profile
        self.actions: dict[str, QAction] = {}
        for name in FIELDS:
            field = inputs.get(name)
            if not isinstance(field, QLineEdit):
                continue
            icon = field.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
            action = field.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
            # Alt+Down opens the list as in a combo box (the button inside the field takes no focus).
            keys = QShortcut(QKeySequence("Alt+Down"), field, None, None, Qt.ShortcutContext.WidgetShortcut)
            keys.activated.connect(action.trigger)
            a11y.name_field_action(action, field, "CatalogMenus", _CHOOSE)
            action.setToolTip(self.tr("Choose from the account's list ({0})").format(
                keys.key().toString(QKeySequence.SequenceFormat.NativeText)))
            action.triggered.connect(lambda _=False, n=name, f=field: self.show_menu(n, f))
            self.actions[name] = action
        #: The last menu shown (tests look at it).
        self.menu: QMenu | None = None

    def entries(self, name: str, catalog: Catalog) -> list[tuple[str, str]]:
        """(label, value) pairs for field ``name``."""
        if name == "cate_id":
            return [(f"{c.path}  [{c.cate_id}]", str(c.cate_id)) for c in catalog.categories]
        if name == "template_group_id":
            return [(g.name + (self.tr(" (default)") if g.is_default else "") + f"  [{g.group_id}]", g.group_id)
                    for g in catalog.template_groups]
        return [(f"{a.name}  [{a.app_id}]", a.app_id) for a in catalog.apps]

    def build_menu(self, name: str, field: QLineEdit, catalog: Catalog | None, note: str = "") -> QMenu:
        menu = QMenu(field)
        if note:
            menu.addAction(note).setEnabled(False)
        elif catalog is None:
            menu.addAction(self.tr("No lists fetched for this profile yet")).setEnabled(False)
        else:
            for label, value in self.entries(name, catalog):
                act = menu.addAction(label)
                act.triggered.connect(lambda _=False, v=value, f=field: f.setText(v))
            if not self.entries(name, catalog):
                menu.addAction(self.tr("The account has none")).setEnabled(False)
        menu.addSeparator()
        refresh = menu.addAction(self.tr("Refresh lists"))
        refresh.triggered.connect(lambda: self.refresh(name, field))
        self.menu = menu
        return menu

    def show_menu(self, name: str, field: QLineEdit) -> None:
        profile = self._profile()
        catalog = self.cache.load(profile) if profile else None
        if catalog is None and profile:
            self.refresh(name, field)
            return
        self.build_menu(name, field, catalog).popup(field.mapToGlobal(QPoint(0, field.height())))

    def refresh(self, name: str, field: QLineEdit) -> None:
        profile = self._profile()
        if not profile:
            return
        cache, sessions = self.cache, self._sessions
        run_op(self, lambda: cache.refresh(profile, sessions(profile).vod),
               lambda catalog: self.build_menu(name, field, catalog).popup(
                   field.mapToGlobal(QPoint(0, field.height()))),
               lambda exc: self.build_menu(name, field, None, self.tr("The lists could not be fetched: {0}").format(
                   describe_exception(exc))).popup(field.mapToGlobal(QPoint(0, field.height()))))


def attach_catalog_pickers(inputs: Mapping[str, QWidget], ctx: Any, profile: Callable[[], str],
                           parent: QObject) -> CatalogMenus:
    """Add catalog menus to a metadata form's ID fields (``ctx``: the AppContext)."""
    return CatalogMenus(inputs, CatalogCache(ctx.workspace.dirs.data), ctx.workspace.sessions, profile, parent)
