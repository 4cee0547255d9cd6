"""Keyboard access to every action: the menu bar, the pages' shortcuts and the Keyboard shortcuts dialog.

The menu bar holds three menus that are always there (File, Go, Help) and one menu for the page that is showing
(Queue, History, Playback, Log or Watch). A page's shortcuts belong to the page widget, so they act only while it
shows and two pages may give the same key to their own action (Ctrl+Shift+S exports on History, Log and Playback);
the File menu's shortcuts work on every page and bring the Upload page forward. Shortcuts appear in the menus, in the
buttons' tooltips and in the dialog, which is built from the very actions the menus hold, so it cannot disagree with
them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodgui.ui import a11y

if TYPE_CHECKING:
    from vodgui.ui.main_window import MainWindow

Key = QKeySequence | QKeySequence.StandardKey | Qt.Key | str
NATIVE = QKeySequence.SequenceFormat.NativeText


def sequences(key: Key) -> list[QKeySequence]:
    """The key sequences of ``key`` (a standard key may have several on this platform, or none)."""
    if isinstance(key, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(key)
    return [QKeySequence(key)]


def standard(key: QKeySequence.StandardKey, fallback: str) -> Key:
    """The platform's standard key, or ``fallback`` where the platform has none (Preferences on GNOME)."""
    return key if QKeySequence.keyBindings(key) else fallback


def _on_keyboard(sequence: QKeySequence) -> bool:
    """False for a special key most keyboards lack (Help, Find, Refresh, Save, the media keys): a platform's
    standard key lists them, but the help dialog and the tooltips name the keys one can press."""
    if sequence.isEmpty():
        return False
    key = sequence[0].key()
    return key != Qt.Key.Key_Help and key.value < Qt.Key.Key_Back.value


def key_text(action: QAction) -> str:
    """An action's shortcuts as the user reads them ("Ctrl+O", "F1, Ctrl+/")."""
    return ", ".join(s.toString(NATIVE) for s in action.shortcuts() if _on_keyboard(s))


def with_keys(tip: str, action: QAction) -> str:
    """``tip`` followed by the action's shortcuts, once ("Start (Ctrl+S)")."""
    keys = key_text(action)
    if not keys or f"({keys})" in tip:
        return tip
    return QCoreApplication.translate("KeyboardMap", "{0} ({1})").format(tip, keys)


def _tab_focus(widget: QWidget) -> bool:
    return (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus


def _ring(widget: QWidget) -> list[QWidget]:
    """Every widget of ``widget``'s window in the order of its focus chain now."""
    top, out = widget.window(), list[QWidget]()
    current = top.nextInFocusChain()
    while current is not None and current is not top and len(out) < 100_000:
        out.append(current)
        current = current.nextInFocusChain()
    return out


def tab_stops(item: QWidget, ring: list[QWidget] | None = None) -> list[QWidget]:
    """The controls Tab visits inside ``item``, in their present order (a tab widget: its tabs first, then each
    page's controls); ``item`` itself when it takes the focus."""
    if isinstance(item, QTabWidget):
        # The tab widget itself stays right before its tab bar: Tab onto it lands on its focus proxy, the bar.
        stops: list[QWidget] = [item, item.tabBar()]
        for page in (item.widget(index) for index in range(item.count())):
            stops += tab_stops(page, ring) if page is not None else []
        return stops
    if _tab_focus(item):
        return [item]
    stops = []
    for widget in ring if ring is not None else _ring(item):
        if (item.isAncestorOf(widget) and _tab_focus(widget)
                and not any(stop.isAncestorOf(widget) for stop in stops)):
            stops += tab_stops(widget, ring) if isinstance(widget, QTabWidget) else [widget]
    return stops


def focus_first(container: QWidget) -> bool:
    """Give the focus to the first control inside ``container`` that Tab would reach; False if there is none."""
    for widget in tab_stops(container):
        if widget is not container and widget.isEnabled() and widget.isVisibleTo(container.window()):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
    return False


def tab_chain(*items: QWidget) -> None:
    """Make Tab visit ``items`` (controls, or panels whose controls keep their own order) in this order.

    QWidget.setTabOrder moves only the focus proxy of a compound widget (a tab widget's tab bar, not its pages), so
    the panels are taken apart into their controls first.
    """
    ring = _ring(items[0])
    stops = [stop for item in items for stop in tab_stops(item, ring)]
    for first, second in pairwise(stops):
        QWidget.setTabOrder(first, second)


class KeyboardMap(QObject):
    """Builds the menu bar of a :class:`MainWindow` and the pages' keyboard actions (again after a language
    change: the pages are new then).

    Signals: none.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: page index -> its menu (shown in the menu bar while that page shows).
        self.page_menus: dict[int, QMenu] = {}
        #: The menus in the order the shortcuts dialog lists them: (title, actions).
        self.groups: list[tuple[str, list[QAction]]] = []
        self._owned: list[QAction] = []

    # -- building --------------------------------------------------------------------------------------------
    def _act(self, owner: QWidget, text: str, run: Callable[[], Any], key: Key | Sequence[Key] | None = None, *,
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut, button: QAbstractButton | None = None,
             tip: str = "") -> QAction:
        act = QAction(text, owner)
        keys: list[QKeySequence] = []
        wanted: Sequence[Key] = [] if key is None else key if isinstance(key, list | tuple) else [key]  # type: ignore[list-item]
        for k in wanted:
            keys.extend(s for s in sequences(k) if not s.isEmpty() and s not in keys)
        act.setShortcuts(keys)
        act.setShortcutContext(context)
        act.triggered.connect(lambda _checked=False: run())
        owner.addAction(act)
        self._owned.append(act)
        if button is not None:
            button.setToolTip(with_keys(button.toolTip() or a11y.plain(text), act))
            act.setToolTip(button.toolTip())
        elif tip:
            act.setToolTip(with_keys(tip, act))
        return act

    def _click(self, index: int, button: QAbstractButton) -> Callable[[], None]:
        """Show page ``index`` and press ``button`` (nothing when it is disabled, as with a mouse)."""
        def run() -> None:
            self.window.show_page(index)
            button.click()
        return run

    def _focus(self, index: int, widget: QWidget) -> Callable[[], None]:
        def run() -> None:
            self.window.show_page(index)
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            select_all = getattr(widget, "selectAll", None)
            if callable(select_all):
                select_all()
        return run

    def build(self) -> None:
        """(Re)build the menu bar and the pages' keyboard actions."""
        window = self.window
        for act in self._owned:
            for widget in act.associatedObjects():
                if isinstance(widget, QWidget):
                    widget.removeAction(act)
            act.deleteLater()
        self._owned = []
        # The menus lead the profile row rather than taking a row of their own: the pages keep the height (the
        # Playback verdicts and the queue are measured to fit the default window). The row is built again after a
        # language change, and the old bar goes with it.
        row = window.profile_box.parentWidget()
        bar = QMenuBar(row)
        bar.setObjectName("menuBar")
        more = bar.findChild(QToolButton, "qt_menubar_ext_button")  # shown when the menus do not fit
        if more is not None:
            more.setAccessibleName(self.tr("More menus"))
        row.layout().insertWidget(0, bar)
        self.bar = bar
        self.page_menus = {}
        self.groups = []
        up = window.upload_page

        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([up.act_add_files, up.act_add_folder, up.act_add_url])
        file_menu.addSeparator()
        file_menu.addActions([up.act_add_files_held, up.act_add_folder_held, up.act_add_files_now,
                              up.act_add_folder_now])
        file_menu.addSeparator()
        self._profile_actions(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._act(window, self.tr("&Settings…"), window.open_settings,
                                      standard(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
                                      tip=self.tr("Language, resuming after a restart, notifications")))
        file_menu.addSeparator()
        file_menu.addAction(self._act(window, self.tr("&Quit"), window.close,
                                      standard(QKeySequence.StandardKey.Quit, "Ctrl+Q"),
                                      tip=self.tr("Quit vodgui (running uploads are paused)")))
        self.groups.append((self.tr("Everywhere"), file_menu.actions()))

        self._queue_menu(bar)
        self._history_menu(bar)
        self._playback_menu(bar)
        self._log_menu(bar)
        self._watch_menu(bar)

        go = bar.addMenu(self.tr("&Go"))
        for index, title in enumerate(window.page_titles()):
            go.addAction(self._act(window, title, partial(self.go_to, index), f"Ctrl+{index + 1}"))
        self.groups.insert(1, (self.tr("Pages"), go.actions()))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._act(window, self.tr("&Keyboard shortcuts"), window.show_shortcuts,
                                      [QKeySequence.StandardKey.HelpContents, "F1", "Ctrl+/"]))
        self.go_menu, self.help_menu = go, help_menu
        self.groups[0][1].extend(help_menu.actions())
        for table in window.findChildren(QTableView):
            # Rows are selected whole: Tab leaves the table instead of walking its cells (a trap without a mouse).
            table.setTabKeyNavigation(False)
        self.show_page_menu(window.nav.currentRow())

    def _profile_actions(self, menu: QMenu) -> None:
        window = self.window
        menu.addAction(self._act(window, self.tr("Choose &profile"), window.choose_profile,
                                 tip=self.tr("Move to the profile list (Up and Down choose)")))
        menu.addAction(self._act(window, self.tr("&Edit profile…"), window.edit_profile))
        menu.addAction(self._act(window, self.tr("&New profile…"), window.new_profile))

    def _page_menu(self, bar: QMenuBar, index: int, title: str, actions: list[QAction | None]) -> QMenu:
        menu = QMenu(title, bar)
        for act in actions:
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.aboutToShow.connect(lambda m=menu: self._sync(m))
        self.page_menus[index] = menu
        self.groups.append((a11y.plain(title), [a for a in actions if a is not None]))
        return menu

    @staticmethod
    def _sync(menu: QMenu) -> None:
        """A menu entry that presses a button is greyed out like the button."""
        for act in menu.actions():
            button = act.property("button")
            if isinstance(button, QAbstractButton):
                act.setEnabled(button.isEnabled())

    def _button(self, index: int, page: QWidget, text: str, button: QAbstractButton, key: Key | None) -> QAction:
        act = self._act(page, text, self._click(index, button), key, button=button)
        act.setProperty("button", button)
        return act

    def _queue_menu(self, bar: QMenuBar) -> None:
        window = self.window
        up = window.upload_page
        details = self._act(up, self.tr("&Details of the selection"), up.show_details, "Alt+Return",
                            tip=self.tr("Edit the title, tags and other metadata of the selected items (Enter in "
                                        "the queue does the same)"))
        transfer = self._act(up, self.tr("&Transfer settings"), up.show_transfer, "Ctrl+T",
                             tip=self.tr("Parallel uploads, part size, retries and the bandwidth limit"))
        defaults = self._act(up, self.tr("Defaults for &new files…"), up.edit_defaults)
        focus = self._act(up, self.tr("&Queue list"), self._focus(0, up.view), "Ctrl+Shift+L",
                          tip=self.tr("Move to the queue (Space pauses or resumes, Delete removes)"))
        self._page_menu(bar, 0, self.tr("&Queue"), [
            up.act_start, up.act_pause, up.act_toggle, up.act_resume_all, up.act_retry, up.act_cancel, None,
            up.act_remove, up.act_clear, None, up.act_copy, up.act_play, None, focus, details, transfer, defaults])

    def _history_menu(self, bar: QMenuBar) -> None:
        window = self.window
        page = window.history_page
        self._page_menu(bar, 1, self.tr("Hi&story"), [
            self._act(page, self.tr("&Filter"), self._focus(1, page.search), QKeySequence.StandardKey.Find,
                      tip=self.tr("Move to the filter field")),
            self._button(1, page, self.tr("&Refresh status"), page.refresh_button, QKeySequence.StandardKey.Refresh),
            self._button(1, page, self.tr("Open in &Playback"), page.playback_button, "Ctrl+Shift+P"),
            page.copy_action,
            self._button(1, page, self.tr("&Export CSV…"), page.export_button, QKeySequence.StandardKey.SaveAs)])
        page.table.activated.connect(page._on_row_double_clicked)

    def _playback_menu(self, bar: QMenuBar) -> None:
        window = self.window
        page = window.playback_page
        info, player, batch = page.playinfo_panel, page.player, page.batch_panel
        play_pause = self._act(page, self.tr("Play or &pause the preview"), self._click(2, player.play_button),
                               ["Ctrl+P", Qt.Key.Key_MediaTogglePlayPause, Qt.Key.Key_MediaPlay],
                               button=player.play_button)
        play_pause.setProperty("button", player.play_button)
        self._page_menu(bar, 2, self.tr("&Playback"), [
            self._act(page, self.tr("&VideoIds"), self._focus(2, page.ids_edit), "Ctrl+L",
                      tip=self.tr("Move to the VideoIds field")),
            self._button(2, page, self.tr("&Get PlayAuth"), page.get_button, "Ctrl+G"),
            self._button(2, page, self.tr("&Check as the player would"), page.check_button, "Ctrl+Shift+G"),
            None,
            self._button(2, page, self.tr("Get play &info"), info.get_button, "Ctrl+I"),
            self._button(2, page, self.tr("Pre&view the selected stream"), info.preview_button, "Ctrl+Shift+P"),
            play_pause,
            self._button(2, page, self.tr("Copy stream &URL"), info.copy_url_button, None),
            None,
            self._button(2, page, self.tr("Run &batch check"), batch.run_button, "Ctrl+B"),
            self._button(2, page, self.tr("&Export batch CSV…"), batch.export_csv_button,
                         QKeySequence.StandardKey.SaveAs),
            self._button(2, page, self.tr("Export batch &JSON…"), batch.export_json_button, None)])
        info.table.activated.connect(lambda index: page.preview_row(index.row()))

    def _log_menu(self, bar: QMenuBar) -> None:
        window = self.window
        page = window.log_page
        self._page_menu(bar, 3, self.tr("&Log"), [
            self._act(page, self.tr("&Search"), self._focus(3, page.search), QKeySequence.StandardKey.Find,
                      tip=self.tr("Move to the search field")),
            self._act(page, self.tr("Log &text"), self._focus(3, page.view), "Ctrl+L",
                      tip=self.tr("Move to the log text (arrows and Page Up/Down scroll, Ctrl+End jumps to the "
                                  "latest line)")),
            self._button(3, page, self.tr("&Open log folder"), page.open_button, None),
            self._button(3, page, self.tr("&Export diagnostics…"), page.export_button,
                         QKeySequence.StandardKey.SaveAs)])

    def _watch_menu(self, bar: QMenuBar) -> None:
        window = self.window
        page = window.watch_page
        remove = self._button(4, page, self.tr("&Remove folder"), page.remove_button, None)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        page.table.addAction(remove)  # Delete acts in the folder list only, never in a text field
        page.remove_button.setToolTip(with_keys(page.remove_button.toolTip(), remove))
        if not getattr(page, "_keyboard_activation", False):  # the Watch page outlives a language change
            page.table.activated.connect(lambda _index: page.edit_selected())
            page._keyboard_activation = True  # type: ignore[attr-defined]
        self._page_menu(bar, 4, self.tr("&Watch"), [
            self._button(4, page, self.tr("&Add folder…"), page.add_button, "Ctrl+N"),
            self._button(4, page, self.tr("&Edit folder…"), page.edit_button, "Alt+Return"),
            self._button(4, page, self.tr("&Pause or resume watching"), page.toggle_button, "Ctrl+P"),
            remove])

    def go_to(self, index: int) -> None:
        """Show page ``index`` with the keyboard focus on its main control (the focus would otherwise stay on a
        page out of sight)."""
        window = self.window
        window.show_page(index)
        history = window.history_page
        main: list[QWidget] = [window.upload_page.view,
                               history.table if history.table.isVisibleTo(history) else history.search,
                               window.playback_page.ids_edit, window.log_page.search, window.watch_page.table]
        main[index].setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- the page's menu -------------------------------------------------------------------------------------
    def show_page_menu(self, index: int) -> None:
        """Only the showing page's menu is in the bar: its shortcuts must not act on a page out of sight (an
        action reachable through a menu of the bar is live in the whole window)."""
        bar = self.bar
        for i, menu in self.page_menus.items():
            present = menu.menuAction() in bar.actions()
            if i == index and not present:
                bar.insertMenu(self.go_menu.menuAction(), menu)
            elif i != index and present:
                bar.removeAction(menu.menuAction())

    # -- the help dialog -------------------------------------------------------------------------------------
    def extra_keys(self) -> list[tuple[str, str]]:
        """Keys that are not menu entries: moving around, lists, dialogs."""
        return [
            (self.tr("Next or previous control"), self.tr("Tab, Shift+Tab")),
            (self.tr("Next or previous tab of a tabbed panel"), self.tr("Ctrl+Tab, Ctrl+Shift+Tab")),
            (self.tr("The menu bar"), self.tr("Alt, or Alt with the underlined letter")),
            (self.tr("Details of the selected queue item; open the selected History row in Playback; edit the "
                     "selected watched folder; preview the selected stream"),
             QKeySequence(Qt.Key.Key_Enter).toString(NATIVE)),
            (self.tr("What can be done with the selection (context menu)"), self.tr("Menu key, Shift+F10")),
            (self.tr("Choose from the account's list in the Category, Template group and App ID fields"),
             QKeySequence("Alt+Down").toString(NATIVE)),
            (self.tr("Close a dialog without saving"), QKeySequence(Qt.Key.Key_Escape).toString(NATIVE)),
        ]


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, by menu, as the window has them now.

    Signals: none of its own.
    """

    def __init__(self, keys: KeyboardMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = QLabel(self.tr("Every action has a menu entry; these keys do it directly. The page menu (Queue, "
                               "History, Playback, Log, Watch) and its keys belong to the page that shows."), self)
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsTree")
        a11y.name(self.tree, self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        groups: list[tuple[str, list[tuple[str, str]]]] = [
            (title, [(a11y.plain(a.text()), key_text(a)) for a in actions if not a.isSeparator() and key_text(a)])
            for title, actions in keys.groups]
        groups.append((self.tr("Moving around"), keys.extra_keys()))
        for title, rows in groups:
            if not rows:
                continue
            head = QTreeWidgetItem(self.tree, [title])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFirstColumnSpanned(True)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for text, shortcut in rows:
                item = QTreeWidgetItem(self.tree, [text, shortcut])
                item.setToolTip(0, text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)
        self.tree.setFocus()

    def rows(self) -> list[tuple[str, str]]:
        """(action, keys) of every row, headings included with empty keys."""
        return [(item.text(0), item.text(1)) for i in range(self.tree.topLevelItemCount())
                if (item := self.tree.topLevelItem(i)) is not None]
