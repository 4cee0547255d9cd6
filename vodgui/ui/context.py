"""What every page of the window shares: the workspace, the engine and its bridge, settings, the log, and a hub
of app-wide signals for moving between pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from vodgui.core.logbuffer import LogBuffer
from vodgui.core.profiles import Profile
from vodgui.core.settings import AppSettings, SettingsStore
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.workspace import Workspace
from vodgui.ui.bridge import EngineBridge


class UiHub(QObject):
    """App-wide events.

    Signals:
        profile_selected(str): the current profile changed (switcher or editor).
        profiles_changed(): a profile was added, edited or removed.
        open_in_playback(list): show these VideoIds on the Playback page.
        settings_changed(): AppSettings were saved.
    """

    profile_selected = Signal(str)
    profiles_changed = Signal()
    open_in_playback = Signal(list)
    settings_changed = Signal()


@dataclass
class AppContext:
    workspace: Workspace
    engine: TransferEngine
    bridge: EngineBridge
    settings_store: SettingsStore
    log_buffer: LogBuffer
    #: The built-in sandbox's connection facts, or None when it is not running.
    sandbox_info: Callable[[], dict[str, Any]] | None = None
    hub: UiHub = field(default_factory=UiHub)
    current_profile: str = ""
    #: Where the rotating log file lives (for diagnostics).
    log_file: str = ""

    @property
    def settings(self) -> AppSettings:
        return self.settings_store.load()

    def profile(self) -> Profile | None:
        return self.workspace.profiles.get(self.current_profile) if self.current_profile else None

    def select_profile(self, name: str) -> None:
        if name != self.current_profile:
            self.current_profile = name
            self.settings_store.update(last_profile=name)
            self.hub.profile_selected.emit(name)
