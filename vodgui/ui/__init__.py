"""The desktop UI (PySide6). Importing it applies the binding workarounds first (see :mod:`.qt_workarounds`)."""

from vodgui.ui import qt_workarounds as _qt_workarounds

_qt_workarounds.apply()
