"""Editing what CreateUploadVideo records: for the selected queue items (a side panel) and as defaults for new
files (a dialog). Both use one form with inline validation."""

from __future__ import annotations

import json
import operator
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vodgui.core.media_items import KIND_M3U8, KIND_URL, KIND_VIDEO, display_name, takes_cover
from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.core.vod import MAX_DESCRIPTION_BYTES, MAX_TAG_BYTES, MAX_TAGS, MAX_TITLE_BYTES, UPDATABLE_FIELDS
from vodgui.ui import a11y
from vodgui.ui.errors import describe_exception, describe_job_error, details
from vodgui.ui.i18n import Retranslator
from vodgui.ui.kind_texts import kind_label
from vodgui.ui.message_texts import render
from vodgui.ui.ops import run_op
from vodgui.ui.style import paint_error


@dataclass(frozen=True)
class _Field:
    name: str
    multiline: bool = False
    numeric: bool = False


_FIELDS = (
    _Field("title"), _Field("description", multiline=True), _Field("tags"), _Field("cate_id", numeric=True),
    _Field("template_group_id"), _Field("workflow_id"), _Field("storage_location"), _Field("app_id"),
    _Field("callback_url"), _Field("user_data", multiline=True), _Field("cover_url"),
)


def _to_text(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name == "tags":
        return ", ".join(str(t) for t in value) if isinstance(value, list) else str(value)
    return str(value)


def _from_text(name: str, text: str) -> Any:
    if name == "tags":
        return [t.strip() for t in text.split(",") if t.strip()]
    if name == "cate_id":
        return int(text) if text.strip() else None
    return text.strip() if name not in ("description", "user_data") else text


class _Form(QWidget):
    """The metadata fields with inline errors; knows which fields the user changed.

    Signals:
        edited(): a field changed (dirty state or validity may differ).
        categories_listed(int): the category picker's menu is ready (how many categories).
    """

    edited = Signal()
    categories_listed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, with_title: bool = True) -> None:
        super().__init__(parent)
        self._loading = False
        self._dirty: set[str] = set()
        self._mixed: set[str] = set()
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        #: Lists the account's categories as (CateId, name, depth); runs off the GUI thread. None: no picker.
        self.category_source: Callable[[], list[tuple[int, str, int]]] | None = None
        self.category_menu: QMenu | None = None
        self._errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QFormLayout()
        self._layout = layout
        self._holders: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        outer.addLayout(layout)
        outer.addStretch(1)  # extra height goes below the fields, not between them
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        labels, tips = self._texts()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for spec in _FIELDS:
            if spec.name == "title" and not with_title:
                continue
            widget: QLineEdit | QPlainTextEdit
            if spec.multiline:
                widget = QPlainTextEdit(self)
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(widget.fontMetrics().height() * 3 + 14)
                widget.textChanged.connect(lambda n=spec.name: self._on_field_edited(n))
                if spec.name == "user_data":
                    widget.setFont(mono)
            else:
                widget = QLineEdit(self)
                widget.setClearButtonEnabled(True)
                widget.textChanged.connect(lambda _t, n=spec.name: self._on_field_edited(n))
                # No validator for numbers: it would drop a typed "abc" without a word; check() says why instead.
            widget.setObjectName(f"meta_{spec.name}")
            widget.setToolTip(tips[spec.name])
            self.inputs[spec.name] = widget
            error = QLabel(self)
            error.setWordWrap(True)
            error.setObjectName(f"error_{spec.name}")
            paint_error(error)
            error.hide()
            self._errors[spec.name] = error
            holder = QWidget(self)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            if spec.name == "cate_id":
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(widget, 1)
                self.category_button = QToolButton(self)
                self.category_button.setText(self.tr("Choose…"))
                self.category_button.setToolTip(self.tr("Pick one of the account's categories (GetCategories)"))
                self.category_button.clicked.connect(self._on_choose_category)
                self.category_button.hide()  # shown once something can list the categories
                row.addWidget(self.category_button)
                column.addLayout(row)
            else:
                column.addWidget(widget)
            column.addWidget(error)
            label = a11y.label(QLabel(labels[spec.name], self), widget)  # names its clear button too
            layout.addRow(label, holder)
            self._holders[spec.name] = holder
            self._labels[spec.name] = label

    def retranslate(self) -> None:
        """The field names and hints in the current language (values and errors stay)."""
        labels, tips = self._texts()
        for name, label in self._labels.items():
            label.setText(labels[name])
            a11y.label(label, self.inputs[name])  # the field's (and its buttons') names follow
            if self.inputs[name].isEnabled():
                self.inputs[name].setToolTip(tips[name])
        self.category_button.setText(self.tr("Choose…"))
        self.category_button.setToolTip(self.tr("Pick one of the account's categories (GetCategories)"))

    def _texts(self) -> tuple[dict[str, str], dict[str, str]]:
        labels = {
            "title": self.tr("&Title:"), "description": self.tr("&Description:"), "tags": self.tr("Ta&gs:"),
            "cate_id": self.tr("&Category ID:"), "template_group_id": self.tr("Template &group:"),
            "workflow_id": self.tr("&Workflow:"), "storage_location": self.tr("&Storage location:"),
            "app_id": self.tr("&App ID:"), "callback_url": self.tr("Call&back URL:"),
            "user_data": self.tr("&UserData:"), "cover_url": self.tr("Co&ver URL:"),
        }
        tips = {
            "title": self.tr("The video's title in VOD. Empty: the file name without its extension."),
            "description": self.tr("Up to 1024 bytes."),
            "tags": self.tr("Up to 16 tags, separated by commas; each at most 32 bytes."),
            "cate_id": self.tr("The numeric ID of a category from the VOD console (empty: none)."),
            "template_group_id": self.tr("The transcoding template group ID (empty: the default group)."),
            "workflow_id": self.tr("A workflow ID; it takes precedence over the template group."),
            "storage_location": self.tr("The storage bucket address (empty: the default storage)."),
            "app_id": self.tr("The VOD application ID (empty: app-1000000)."),
            "callback_url": self.tr("VOD posts event notifications for these videos to this http(s) URL."),
            "user_data": self.tr("Extra UserData as a JSON object; merged with the callback URL."),
            "cover_url": self.tr("A custom thumbnail URL (http or https)."),
        }
        return labels, tips

    # -- the category picker -------------------------------------------------------------------------------
    def set_category_source(self, source: Callable[[], list[tuple[int, str, int]]] | None) -> None:
        self.category_source = source
        self.category_button.setVisible(source is not None)

    def _on_choose_category(self) -> None:
        if self.category_source is None:
            return
        self.category_button.setEnabled(False)
        self.category_button.setText(self.tr("Loading…"))
        run_op(self, self.category_source, self._on_categories, self._on_categories_failed)

    def _on_categories(self, categories: list[tuple[int, str, int]]) -> None:
        self._reset_category_button()
        menu = QMenu(self)
        for cate_id, name, depth in categories:
            action = menu.addAction("    " * depth + f"{name} ({cate_id})")
            action.triggered.connect(lambda _=False, c=cate_id, n=name: self._pick_category(c, n))
        if not categories:
            menu.addAction(self.tr("This account has no categories yet (create them in the VOD console)")) \
                .setEnabled(False)
        self.category_menu = menu
        self.categories_listed.emit(len(categories))
        if self.isVisible():
            menu.popup(self.category_button.mapToGlobal(self.category_button.rect().bottomLeft()))

    def _on_categories_failed(self, exc: BaseException) -> None:
        self._reset_category_button()
        self._show_error("cate_id", self.tr("The categories could not be listed: {0}").format(
            describe_exception(exc)))

    def _reset_category_button(self) -> None:
        self.category_button.setEnabled(True)
        self.category_button.setText(self.tr("Choose…"))

    def _pick_category(self, cate_id: int, name: str) -> None:
        widget = self.inputs["cate_id"]
        assert isinstance(widget, QLineEdit)
        widget.setText(str(cate_id))
        widget.setToolTip(name)

    def show_only(self, names: Iterable[str]) -> None:
        """Show only these fields (a form for videos that exist in VOD shows what UpdateVideoInfo can change)."""
        wanted = set(names)
        for name, holder in self._holders.items():
            self._layout.setRowVisible(holder, name in wanted)

    def set_creation_only_locked(self, locked: bool) -> None:
        """Disable the fields VOD takes only at CreateUploadVideo, with the reason as their tooltip."""
        _, tips = self._texts()
        for name, widget in self.inputs.items():
            if name in UPDATABLE_FIELDS:
                continue
            widget.setEnabled(not locked)
            widget.setToolTip(self.tr("VOD takes this only when it creates a video; it cannot be changed "
                                      "afterwards.") if locked else tips[name])

    # -- values ----------------------------------------------------------------------------------------------
    def text(self, name: str) -> str:
        widget = self.inputs[name]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

    def load(self, items: Sequence[Mapping[str, Any]]) -> None:
        """Show ``items``' values; a field whose values differ is shown empty with a "several values" hint."""
        self._loading = True
        self._dirty.clear()
        self._mixed.clear()
        # A selection of 100,000 items mostly repeats one set of values: compare each with the one before and read
        # the fields of the distinct ones only.
        distinct: list[Mapping[str, Any]] = []
        if items and items.count(items[0]) == len(items):  # all alike (compared in C, identity first)
            distinct.append(items[0])
        else:
            for item in items:
                if not distinct or (item is not distinct[-1] and item != distinct[-1]):
                    distinct.append(item)
        items = distinct
        for name, widget in self.inputs.items():
            texts = {_to_text(name, item.get(name)) for item in items} or {""}
            mixed = len(texts) > 1
            text = "" if mixed else next(iter(texts))
            if mixed:
                self._mixed.add(name)
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            else:
                widget.setText(text)
                widget.setCursorPosition(0)
            widget.setPlaceholderText(self.tr("Several values: type to replace them all") if mixed
                                      else self._placeholder(name))
        self._loading = False
        self._validate_all()
        self.edited.emit()

    def set_title_hint(self, text: str) -> None:
        if "title" in self.inputs and "title" not in self._mixed:
            self.inputs["title"].setPlaceholderText(text)

    def _placeholder(self, name: str) -> str:
        if name == "tags":
            return self.tr("Comma separated, e.g. sports, 2024")
        if name == "user_data":
            return '{"Extend": {"key": "value"}}'
        return ""

    def changes(self) -> dict[str, Any]:
        """The fields the user edited, as metadata values."""
        return {name: _from_text(name, self.text(name)) for name in self._dirty}

    def values(self) -> dict[str, Any]:
        return {name: _from_text(name, self.text(name)) for name in self.inputs}

    def is_dirty(self) -> bool:
        return bool(self._dirty)

    def is_valid(self) -> bool:
        return not any(label.text() for label in self._errors.values())

    # -- validation ------------------------------------------------------------------------------------------
    def _on_field_edited(self, name: str) -> None:
        if self._loading:
            return
        self._dirty.add(name)
        self._show_error(name, self.check(name, self.text(name)))
        self.edited.emit()

    def _validate_all(self) -> None:
        for name in self.inputs:
            self._show_error(name, self.check(name, self.text(name)) if name in self._dirty else None)

    def _show_error(self, name: str, message: str | None) -> None:
        label = self._errors[name]
        label.setText(message or "")
        label.setVisible(bool(message))

    def check(self, name: str, text: str) -> str | None:
        """The problem with ``text`` for field ``name``, as a sentence; None when it is fine."""
        if name == "title":
            if len(text.encode("utf-8")) > MAX_TITLE_BYTES:
                return self.tr("The title is longer than {0} bytes.").format(MAX_TITLE_BYTES)
            if any(ord(c) > 0xFFFF for c in text):
                return self.tr("VOD does not accept emoji or similar characters in titles.")
        elif name == "description" and len(text.encode("utf-8")) > MAX_DESCRIPTION_BYTES:
            return self.tr("The description is longer than {0} bytes.").format(MAX_DESCRIPTION_BYTES)
        elif name == "tags":
            tags = _from_text("tags", text)
            if len(tags) > MAX_TAGS:
                return self.tr("At most {0} tags are allowed; there are {1}.").format(MAX_TAGS, len(tags))
            long = next((t for t in tags if len(t.encode("utf-8")) > MAX_TAG_BYTES), None)
            if long is not None:
                return self.tr("The tag “{0}” is longer than {1} bytes.").format(long, MAX_TAG_BYTES)
        elif name == "cate_id" and text.strip() and not (text.strip().isdigit() and int(text.strip()) > 0):
            return self.tr("A category ID is a positive number, such as 1000123 (see the VOD console's categories).")
        elif name in ("callback_url", "cover_url") and text.strip() \
                and not text.strip().startswith(("http://", "https://")):
            return self.tr("The address must start with http:// or https://.")
        elif name == "user_data" and text.strip():
            try:
                parsed = json.loads(text)
            except ValueError as exc:
                return self.tr("This is not valid JSON: {0}").format(str(exc))
            if not isinstance(parsed, dict):
                return self.tr('UserData must be a JSON object, for example {"Extend": {"key": "value"}}.')
        return None


#: The metadata form on its own (the History page's video details dialog uses it too).
MetadataForm = _Form


#: States in which an item without a VideoId is being created in VOD, or is done.
_CREATING_OR_DONE = frozenset({JobState.PREPARING, JobState.UPLOADING, JobState.COMPLETING, JobState.DONE})
_VOD_KINDS = frozenset({KIND_VIDEO, KIND_URL, KIND_M3U8})
_STATE = operator.attrgetter("state")
_MEDIA_ID = operator.attrgetter("media_id")
_METADATA = operator.attrgetter("metadata")


def is_waiting(snap: JobSnapshot) -> bool:
    """Not created in VOD yet and not being created: a change goes into the item."""
    return not snap.media_id and snap.state not in _CREATING_OR_DONE


def _cover_target(snap: JobSnapshot) -> bool:
    return takes_cover(snap.kind, snap.media_id) and snap.state is not JobState.CANCELLED


def exists_in_vod(snap: JobSnapshot) -> bool:
    """A video that VOD has (uploading or done): a change goes to VOD with UpdateVideoInfo."""
    return bool(snap.media_id) and snap.kind in _VOD_KINDS and snap.state is not JobState.CANCELLED


class MetadataPanel(QWidget):
    """The "Details" side panel: metadata of the selected queue items.

    Items already created in VOD (they have a VideoId) or uploading right now are read-only: VOD owns their
    metadata from then on. Editing several items applies only the fields the user changed, to all of them.

    Signals:
        apply_requested(list, dict): job ids and the changed fields to save.
        defaults_requested(): the user wants to edit the defaults for new files.
        cover_requested(list): the user wants to choose a cover image for these job ids (videos).
    """

    apply_requested = Signal(list, dict)
    defaults_requested = Signal()
    cover_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[JobSnapshot] = []
        self._editable = False
        self.heading = QLabel(self)
        self.heading.setObjectName("detailsHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel(self)
        self.notice.setObjectName("readOnlyNotice")
        self.notice.setWordWrap(True)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setMargin(6)
        self.notice.hide()
        self.form = _Form(self)
        self.form.edited.connect(self._on_form_edited)
        self._scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._spacer = QWidget(self)  # holds the place of the form when nothing is selected
        self._spacer.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.apply_button = QPushButton(self.tr("&Apply"), self)
        self.apply_button.setToolTip(self.tr("Save the changed fields for the selected items ({0})").format(
            QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)))
        self.apply_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.revert_button = QPushButton(self.tr("&Revert"), self)
        self.revert_button.setToolTip(self.tr("Forget the changes and show the saved values again"))
        self.revert_button.clicked.connect(lambda: self.set_items(self._items))
        self.defaults_button = QPushButton(self.tr("Defaults for new files…"), self)
        self.defaults_button.setToolTip(self.tr("Metadata given to files you add from now on, for this profile"))
        self.defaults_button.clicked.connect(self.defaults_requested)
        self.cover_button = QPushButton(self.tr("Choose cover &image…"), self)
        self.cover_button.setObjectName("chooseCover")
        self.cover_button.setToolTip(self.tr("Upload an image as the cover of the selected videos. A video that "
                                             "exists in VOD gets it at once; a waiting one when it is created."))
        self.cover_button.clicked.connect(self._on_cover_clicked)
        # Cover, Revert/Apply and Defaults on rows of their own: in one row their text is cut at the default
        # window size (and more so in a narrow window).
        buttons = QHBoxLayout()
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        defaults_row = QHBoxLayout()
        defaults_row.addWidget(self.cover_button)
        defaults_row.addStretch(1)
        defaults_row.addWidget(self.defaults_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._spacer, 1)
        layout.addLayout(buttons)
        layout.addSpacing(4)
        layout.addLayout(defaults_row)
        self.set_items([])

    def cover_targets(self) -> list[JobSnapshot]:
        """The selected items that can take a cover image (videos, queued or uploaded)."""
        return [s for s in self._items if _cover_target(s)]

    def _on_cover_clicked(self) -> None:
        targets = self.cover_targets()
        if targets:
            self.cover_requested.emit([s.job_id for s in targets])

    def editable(self) -> list[JobSnapshot]:
        """Selected items whose details can be changed: waiting ones (the change goes into the item) and videos
        that exist in VOD (UpdateVideoInfo)."""
        # is_waiting or exists_in_vod, written out: read for 100,000 selected items at each refresh.
        creating, kinds, cancelled = _CREATING_OR_DONE, _VOD_KINDS, JobState.CANCELLED
        if not any(map(_MEDIA_ID, self._items)) and not set(map(_STATE, self._items)) & creating:
            return list(self._items)  # all waiting (a big held batch): no item needs to be looked at
        return [s for s in self._items if (s.state not in creating if not s.media_id
                                           else s.kind in kinds and s.state is not cancelled)]

    def set_items(self, items: Sequence[JobSnapshot]) -> None:
        """Show the selection (an empty one explains what the panel is for)."""
        self._items = list(items)
        count = len(self._items)
        if count == 0:
            self.heading.setText(self.tr("No item selected"))
            self.facts.setText(self.tr("Select queue items to change their title, description, tags and other "
                                       "details: before they upload, or in VOD once the video exists."))
        elif count == 1:
            snap = self._items[0]
            self.heading.setText(display_name(snap.kind, snap.path))
            if snap.kind == KIND_URL:
                facts = self.tr("Address: {0}\nVideoId: {1}").format(snap.path,
                                                                    snap.media_id or self.tr("not created yet"))
            else:
                facts = self.tr("Folder: {0}\nVideoId: {1}").format(
                    os.path.dirname(snap.path), snap.media_id or self.tr("not created yet"))
            if snap.kind != KIND_VIDEO:
                facts = kind_label(snap.kind, snap.details) + "\n" + facts
            if snap.error is not None:
                facts += "\n\n" + self.tr("Why it failed: {0}").format(describe_job_error(snap.error))
                facts += "\n" + details(snap.error.code, snap.error.message, snap.error.request_id)
            elif snap.note:
                facts += "\n\n" + render(snap.note)
            self.facts.setText(facts)
        else:
            self.heading.setText(self.tr("{0} items selected").format(count))
            self.facts.setText(self.tr("Changes apply to every selected item: waiting ones keep them for the upload, "
                                       "videos in VOD are updated there."))
        self.form.load(list(map(_METADATA, self._items)))
        if count == 1:
            self.form.set_title_hint(os.path.splitext(os.path.basename(self._items[0].path))[0])
        elif count > 1:
            self.form.set_title_hint(self.tr("Each file's name"))
        self._update_state()

    def refresh(self, items: Sequence[JobSnapshot]) -> None:
        """The same selection with newer snapshots: keep the user's unsaved edits, update what is allowed."""
        if self.form.is_dirty():
            self._items = list(items)
            self._update_state()
        else:
            self.set_items(items)

    def _update_state(self) -> None:
        editable = self.editable()
        self._editable = bool(editable)  # read on every keystroke (_on_form_edited): 100,000 items are not read again
        existing = list(filter(_MEDIA_ID, editable))  # an editable item with a VideoId exists in VOD
        locked = len(self._items) - len(editable)
        notes = []
        if self._items and not editable:
            notes.append(self.tr("These items cannot be changed now: VOD is creating the video (wait a moment) or "
                                 "the item is not a video."))
        elif locked:
            notes.append(self.tr("%n selected item(s) cannot be changed now (the video is being created, or it is "
                                 "not a video); changes apply to the others.", "", locked))
        if existing:
            notes.append(self.tr("Title, description, tags, category and cover of videos that exist in VOD are "
                                 "saved there (UpdateVideoInfo); the result shows in the item's State."))
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))
        self.form.setEnabled(bool(editable))
        # Fields VOD only takes when it creates a video say so, rather than silently doing nothing.
        self.form.set_creation_only_locked(bool(existing) and len(existing) == len(editable))
        self.cover_button.setVisible(bool(self._items))
        self.cover_button.setEnabled(any(map(_cover_target, self._items)))
        for widget in (self._scroll_area, self.apply_button, self.revert_button):
            widget.setVisible(bool(self._items))
        self._spacer.setVisible(not self._items)
        self._on_form_edited()

    def _on_form_edited(self) -> None:
        dirty = self.form.is_dirty()
        self.apply_button.setEnabled(dirty and self.form.is_valid() and self._editable)
        self.revert_button.setEnabled(dirty)

    def _on_apply_clicked(self) -> None:
        targets = self.editable()
        if not targets or not self.form.is_valid():
            return
        changes = self.form.changes()
        if changes:
            self.apply_requested.emit([s.job_id for s in targets], changes)
        self.form.load([{**s.metadata, **changes} for s in self._items])
        if len(self._items) == 1:
            self.form.set_title_hint(os.path.splitext(os.path.basename(self._items[0].path))[0])
        self._on_form_edited()


class DefaultsDialog(QDialog):
    """Metadata for files added from now on (per profile; the title always comes from the file name).

    Signals: the QDialog ones (``accepted`` when the user saves).
    """

    def __init__(self, profile: str, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self.intro = intro = QLabel(self)
        intro.setWordWrap(True)
        self.form = _Form(self, with_title=False)
        self.form.load([values])
        self.form.edited.connect(self._on_form_edited)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(520, self.sizeHint().height())
        Retranslator(self, self.retranslate)  # open while the language changes: its words change too

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Defaults for new files"))
        self.intro.setText(self.tr("Files you add to the queue with profile “{0}” get these details. Each file's "
                                   "title is its name; change it in the Details panel.").format(self._profile))
        self.form.retranslate()

    def values(self) -> dict[str, Any]:
        return self.form.values()

    def _on_form_edited(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(self.form.is_valid())
