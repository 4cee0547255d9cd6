"""The desktop file claims exactly the media the app opens, and ``Exec=vodgui %F`` reaches the app with the files."""

from __future__ import annotations

import configparser
from pathlib import Path
from typing import Any

import pytest

import vodgui.app
from vodgui.cli import main
from vodgui.core.vod import MEDIA_EXTENSIONS

ROOT = Path(__file__).resolve().parents[2]
GLOBS = Path("/usr/share/mime/globs2")  # shared-mime-info, what file managers use to type a file
#: Accepted by VOD as video, but the type names another kind of file: claiming it would make vodgui an image
#: viewer or a Qt translation editor in the "Open with" menu.
NOT_CLAIMED = {"image/gif", "text/vnd.trolltech.linguist", "audio/x-mpegurl"}


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ROOT / "packaging" / "linux" / "vodgui.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def globs() -> dict[str, set[str]]:
    """MIME type -> the extensions shared-mime-info gives it."""
    if not GLOBS.exists():
        pytest.fail(f"{GLOBS} is missing: install shared-mime-info (packaging/debian/test-packages.txt)")
    out: dict[str, set[str]] = {}
    for line in GLOBS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        _weight, mime, pattern = line.split(":")[:3]
        if pattern.startswith("*.") and "*" not in pattern[2:]:
            out.setdefault(mime, set()).add(pattern[2:].lower())
    return out


def claimed() -> list[str]:
    return [m for m in desktop_entry()["MimeType"].split(";") if m]


def test_every_claimed_type_is_a_file_the_app_accepts() -> None:
    table = globs()
    for mime in claimed():
        assert table.get(mime, set()) & MEDIA_EXTENSIONS, f"{mime}: vodgui accepts none of {table.get(mime)}"


def test_every_accepted_extension_is_claimed() -> None:
    table = globs()
    mine = set(claimed())
    for ext in sorted(MEDIA_EXTENSIONS):
        types = {mime for mime, exts in table.items() if ext in exts} - NOT_CLAIMED
        if types:  # an extension shared-mime-info does not know cannot be claimed
            assert types & mine, f".{ext} ({', '.join(sorted(types))}) is accepted but not in MimeType"


def test_exec_passes_files() -> None:
    assert desktop_entry()["Exec"] == "vodgui %F"


@pytest.mark.parametrize(("argv", "files", "home"), [
    (["a.mp4", "b c.mov"], ["a.mp4", "b c.mov"], None),
    (["--home", "/tmp/h", "a.mp4"], ["a.mp4"], "/tmp/h"),
])
def test_files_on_the_command_line_open_the_app_with_them(monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                                          files: list[str], home: str | None) -> None:
    started: list[dict[str, Any]] = []
    monkeypatch.setattr(vodgui.app, "run_app", lambda **kw: started.append(kw) or 0)
    monkeypatch.delenv("VODGUI_HOME", raising=False)
    assert main(argv) == 0
    assert started == [{"smoke": False, "home": home, "files": files}]  # --home is passed, not put in the env


def test_a_command_is_still_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["update", "--help"])
    assert "check" in capsys.readouterr().out
