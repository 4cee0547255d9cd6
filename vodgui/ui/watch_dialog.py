"""The dialog that adds or edits a hot folder: folder, profile, subfolders, settle time, and the metadata template
with pickers filled from the account's catalog (categories, template groups, apps; cached, with a refresh).

Signals:
    WatchFolderDialog.accepted_folder(object): the :class:`WatchedFolder` the user confirmed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.catalog import Catalog, CatalogCache, check_storage_location, check_workflow_id
from vodgui.core.errors import VodError
from vodgui.core.hotfolder import DEFAULT_SETTLE, TITLE_HELP, TemplateError, WatchedFolder, WatchTemplate
from vodgui.ui.context import AppContext
from vodgui.ui.errors import describe_exception
from vodgui.ui.ops import run_op


class CatalogPickers(QWidget):
    """Category, template group and app pickers for one profile, from the cached catalog; Refresh asks VOD.

    Each picker is an editable combo box: an id typed by hand (an account without list permission) is kept.

    Signals:
        refreshed(): the catalog was fetched again.
    """

    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cache = CatalogCache(ctx.workspace.dirs.data)
        self.profile = ""
        self.category = self._combo(self.tr("Category of the videos (GetCategories); or type its ID"))
        self.group = self._combo(self.tr("Transcode template group; empty: the account's default"))
        self.app = self._combo(self.tr("VOD application; empty: the default application"))
        self.refresh_button = QPushButton(self.tr("Refresh lists"), self)
        self.refresh_button.setToolTip(self.tr("Fetch categories, template groups and apps from the account again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")

    def _combo(self, tip: str) -> QComboBox:
        box = QComboBox(self)
        box.setEditable(True)
        box.setToolTip(tip)
        box.setMinimumContentsLength(18)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return box

    def set_profile(self, profile: str) -> None:
        self.profile = profile
        catalog = self.cache.load(profile) if profile else None
        self._fill(catalog)
        if catalog is None:
            self.note.setText(self.tr("No lists fetched for this profile yet: press Refresh lists."))

    def _fill(self, catalog: Catalog | None) -> None:
        keep = (self.category.currentText(), self.group.currentText(), self.app.currentText())
        for box in (self.category, self.group, self.app):
            box.clear()
            box.addItem(self.tr("(none)"), None)
        if catalog is not None:
            for c in catalog.categories:
                self.category.addItem(f"{c.path}  [{c.cate_id}]", c.cate_id)
            for g in catalog.template_groups:
                label = g.name + (self.tr(" (default)") if g.is_default else "")
                self.group.addItem(f"{label}  [{g.group_id}]", g.group_id)
            for a in catalog.apps:
                self.app.addItem(f"{a.name}  [{a.app_id}]", a.app_id)
            self.note.setText("")
        for box, text in zip((self.category, self.group, self.app), keep, strict=True):
            if text:
                self._select_text(box, text)

    @staticmethod
    def _select_text(box: QComboBox, text: str) -> None:
        index = box.findText(text)
        if index >= 0:
            box.setCurrentIndex(index)
        else:
            box.setEditText(text)

    @staticmethod
    def _select_value(box: QComboBox, value: Any) -> None:
        if value in (None, ""):
            box.setCurrentIndex(0)
            return
        index = box.findData(value)
        if index >= 0:
            box.setCurrentIndex(index)
        else:
            box.setEditText(str(value))

    def select(self, cate_id: int | None, group_id: str, app_id: str) -> None:
        self._select_value(self.category, cate_id)
        self._select_value(self.group, group_id)
        self._select_value(self.app, app_id)

    @staticmethod
    def _value(box: QComboBox) -> str:
        """The chosen id: the item's, or what was typed (``[id]`` at the end, or the whole text)."""
        index = box.findText(box.currentText())
        if index >= 0:
            data = box.itemData(index)
            return "" if data is None else str(data)
        text = box.currentText().strip()
        if text.endswith("]") and "[" in text:
            text = text.rsplit("[", 1)[1][:-1]
        return text

    def values(self) -> tuple[int | None, str, str]:
        """(cate_id, template_group_id, app_id). Raises TemplateError for a category that is not a number."""
        raw = self._value(self.category)
        try:
            cate_id = int(raw) if raw else None
        except ValueError:
            raise TemplateError("InvalidCateId", raw) from None
        return cate_id, self._value(self.group), self._value(self.app)

    def refresh(self) -> None:
        if not self.profile:
            return
        profile = self.profile
        self.refresh_button.setEnabled(False)
        self.note.setText(self.tr("Fetching lists from the account…"))
        sessions = self.ctx.workspace.sessions
        cache = self.cache
        run_op(self, lambda: cache.refresh(profile, sessions(profile).vod), self._on_refreshed,
               self._on_refresh_failed)

    def _on_refreshed(self, catalog: Catalog) -> None:
        self.refresh_button.setEnabled(True)
        self._fill(catalog)
        self.refreshed.emit()

    def _on_refresh_failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.note.setText(self.tr("The lists could not be fetched: {0} You can still type IDs.").format(
            describe_exception(exc)))


class WatchFolderDialog(QDialog):
    """Add or edit one hot folder.

    Signals:
        accepted_folder(object): the confirmed :class:`WatchedFolder`.
    """

    accepted_folder = Signal(object)

    def __init__(self, ctx: AppContext, folder: WatchedFolder | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Watch a folder") if folder is None else self.tr("Edit watched folder"))
        existing = folder or WatchedFolder("", ctx.current_profile or "")
        self.path = QLineEdit(existing.path, self)
        self.path.setPlaceholderText(self.tr("The folder your editors export into"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.profile = QComboBox(self)
        for p in ctx.workspace.profiles.list():
            self.profile.addItem(p.name, p.name)
        index = self.profile.findData(existing.profile)
        if index >= 0:
            self.profile.setCurrentIndex(index)
        self.recursive = QCheckBox(self.tr("Include subfolders"), self)
        self.recursive.setChecked(existing.recursive)
        self.settle = QDoubleSpinBox(self)
        self.settle.setRange(0.0, 3600.0)
        self.settle.setDecimals(1)
        self.settle.setSuffix(self.tr(" s"))
        self.settle.setValue(existing.settle if folder else DEFAULT_SETTLE)
        self.settle.setToolTip(self.tr("A file is complete when its size and time stayed the same this long"))

        t = existing.template
        self.title = QLineEdit(t.title, self)
        self.title.setToolTip(self.tr("Title pattern: {0}").format(TITLE_HELP))
        self.description = QLineEdit(t.description, self)
        self.tags = QLineEdit(", ".join(t.tags), self)
        self.tags.setPlaceholderText(self.tr("comma-separated, at most 16"))
        self.pickers = CatalogPickers(ctx, self)
        self.workflow = QLineEdit(t.workflow_id, self)
        self.workflow.setPlaceholderText(self.tr("32 hexadecimal digits, from the console"))
        self.storage = QLineEdit(t.storage_location, self)
        self.storage.setPlaceholderText(self.tr("outin-….oss-<region>.aliyuncs.com"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("errorLabel")

        form = QFormLayout()
        folder_label = QLabel(self.tr("&Folder:"), self)
        folder_label.setBuddy(self.path)
        form.addRow(folder_label, path_row)
        form.addRow(self.tr("&Profile:"), self.profile)
        form.addRow("", self.recursive)
        form.addRow(self.tr("&Settle time:"), self.settle)
        meta = QGroupBox(self.tr("Metadata of each file"), self)
        mform = QFormLayout(meta)
        mform.addRow(self.tr("&Title:"), self.title)
        mform.addRow(self.tr("&Description:"), self.description)
        mform.addRow(self.tr("Ta&gs:"), self.tags)
        mform.addRow(self.tr("&Category:"), self.pickers.category)
        mform.addRow(self.tr("Template g&roup:"), self.pickers.group)
        mform.addRow(self.tr("&Workflow:"), self.workflow)
        mform.addRow(self.tr("St&orage location:"), self.storage)
        mform.addRow(self.tr("&App:"), self.pickers.app)
        refresh_row = QHBoxLayout()
        refresh_row.addWidget(self.pickers.note, 1)
        refresh_row.addWidget(self.pickers.refresh_button)
        mform.addRow(refresh_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(meta)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self.profile.currentIndexChanged.connect(self._on_profile_changed)
        self._on_profile_changed()
        self.pickers.select(t.cate_id, t.template_group_id, t.app_id)
        self.setMinimumWidth(420)
        self.resize(620, self.sizeHint().height())

    def _on_profile_changed(self, _index: int = 0) -> None:
        self.pickers.set_profile(str(self.profile.currentData() or ""))

    def _on_browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder to watch"), self.path.text())
        if path:
            self.path.setText(path)

    def folder(self) -> WatchedFolder:
        """The folder as entered. Raises TemplateError or VodError naming the field to fix."""
        import os

        path = self.path.text().strip()
        if not path or not os.path.isdir(path):
            raise TemplateError("FolderNotFound", path)
        profile = str(self.profile.currentData() or "")
        if not profile:
            raise TemplateError("NoProfile", "")
        cate_id, group_id, app_id = self.pickers.values()
        tags = tuple(x.strip() for x in self.tags.text().split(",") if x.strip())
        template = WatchTemplate(title=self.title.text().strip() or "{stem}", description=self.description.text(),
                                 tags=tags, cate_id=cate_id, template_group_id=group_id,
                                 workflow_id=check_workflow_id(self.workflow.text()),
                                 storage_location=check_storage_location(self.storage.text()), app_id=app_id)
        return WatchedFolder(os.path.abspath(path), profile, template.check(), self.recursive.isChecked(),
                             float(self.settle.value()))

    def _on_ok(self) -> None:
        try:
            folder = self.folder()
        except TemplateError as exc:
            self.error.setText(self._template_error(exc))
            return
        except VodError as exc:
            self.error.setText(describe_exception(exc))
            return
        self.accepted_folder.emit(folder)
        self.accept()

    def _template_error(self, exc: TemplateError) -> str:
        if exc.code == "FolderNotFound":
            return self.tr("Choose a folder that exists.")
        if exc.code == "NoProfile":
            return self.tr("Choose a profile (add one with New profile… first).")
        if exc.code == "InvalidTitlePattern":
            return self.tr("The title pattern names an unknown field. Use {0}.").format(TITLE_HELP)
        if exc.code == "TagsExceededMax":
            return self.tr("At most 16 tags.")
        if exc.code == "InvalidCateId":
            return self.tr("The category must be chosen from the list or typed as its number ID.")
        return self.tr("The template is not valid: {0}").format(exc.detail)
