"""Reading local HLS packages: segments found by relative path, the playlist rewritten to names, every problem
listed at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from vodgui.core.errors import VodError
from vodgui.core.hls import read_package, referenced_paths
from vodgui.core.messages import english


def playlist(folder: Path, body: str, name: str = "index.m3u8") -> Path:
    path = folder / name
    path.write_bytes(("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:2\n" + body).encode())
    return path


def touch(path: Path, data: bytes = b"x" * 10) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_relative_segments_key_and_map_are_found_and_rewritten(tmp_path: Path) -> None:
    touch(tmp_path / "v" / "a b.ts", b"1" * 5)
    touch(tmp_path / "v" / "b.ts", b"2" * 7)
    touch(tmp_path / "keys" / "k.key", b"k" * 16)
    touch(tmp_path / "init.mp4", b"i" * 3)
    path = playlist(tmp_path, '#EXT-X-KEY:METHOD=AES-128,URI="keys/k.key",IV=0x1\n'
                              '#EXT-X-MAP:URI="init.mp4"\n'
                              "#EXTINF:2.0,\nv/a%20b.ts\n#EXTINF:2.0,\n./v/b.ts\n#EXTINF:2.0,\nv/b.ts\n"
                              "#EXT-X-ENDLIST\n")
    package = read_package(str(path))
    assert [(s.name, Path(s.path).name, s.size) for s in package.segments] == [
        ("k.key", "k.key", 16), ("init.mp4", "init.mp4", 3), ("a b.ts", "a b.ts", 5), ("b.ts", "b.ts", 7)]
    assert package.index.decode().splitlines() == [
        "#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-TARGETDURATION:2",
        '#EXT-X-KEY:METHOD=AES-128,URI="k.key",IV=0x1', '#EXT-X-MAP:URI="init.mp4"',
        "#EXTINF:2.0,", "a%20b.ts", "#EXTINF:2.0,", "b.ts", "#EXTINF:2.0,", "b.ts", "#EXT-X-ENDLIST"]
    assert package.total_size == len(package.index) + 16 + 3 + 5 + 7
    assert referenced_paths(str(path)) >= {str(tmp_path / "v" / "b.ts"), str(tmp_path / "keys" / "k.key")}


def test_a_remote_key_server_stays_as_it_is(tmp_path: Path) -> None:
    touch(tmp_path / "s.ts")
    line = '#EXT-X-KEY:METHOD=AES-128,URI="https://keys.example.com/k?id=1"'
    package = read_package(str(playlist(tmp_path, f"{line}\n#EXTINF:2.0,\ns.ts\n")))
    assert line in package.index.decode() and [s.name for s in package.segments] == ["s.ts"]


def test_absolute_local_paths_and_crlf(tmp_path: Path) -> None:
    seg = touch(tmp_path / "elsewhere" / "s1.ts")
    path = tmp_path / "p.m3u8"
    path.write_bytes(f"#EXTM3U\r\n#EXTINF:1,\r\n{seg}\r\n".encode())
    package = read_package(str(path))
    assert package.index == b"#EXTM3U\r\n#EXTINF:1,\r\ns1.ts\r\n"


def test_every_problem_is_listed_before_anything_happens(tmp_path: Path) -> None:
    touch(tmp_path / "a" / "same.ts")
    touch(tmp_path / "b" / "same.ts")
    (tmp_path / "dir.ts").mkdir()
    path = playlist(tmp_path, "#EXTINF:1,\nmissing.ts\n#EXTINF:1,\nhttp://cdn.example.com/r.ts\n"
                              "#EXTINF:1,\na/same.ts\n#EXTINF:1,\nb/same.ts\n#EXTINF:1,\ndir.ts\n"
                              '#EXT-X-MAP:URI="https://cdn.example.com/init.mp4"\n')
    with pytest.raises(VodError) as info:
        read_package(str(path))
    err = info.value
    assert err.code == "InvalidPlaylist" and err.kind.value == "file"
    problems = err.details["problems"]
    assert len(problems) == 5 and "Problems (5)" in err.message and "nothing was sent" in err.message
    problems = [english(p["code"], p["params"]) for p in problems]  # each problem is a message
    assert "missing.ts is missing" in problems[0] and str(tmp_path / "missing.ts") in problems[0]
    assert "remote address" in problems[1] and "same name same.ts" in problems[2]
    assert "dir.ts is not a file" in problems[3] and "initialization segment" in problems[4]


def test_not_a_playlist_master_playlists_and_empty_ones(tmp_path: Path) -> None:
    bad = tmp_path / "x.m3u8"
    bad.write_text("hello\n")
    with pytest.raises(VodError, match="does not start with #EXTM3U"):
        read_package(str(bad))
    master = playlist(tmp_path, "#EXT-X-STREAM-INF:BANDWIDTH=1\nlow/index.m3u8\n", "master.m3u8")
    with pytest.raises(VodError, match="master playlist"):
        read_package(str(master))
    empty = playlist(tmp_path, "#EXT-X-ENDLIST\n", "empty.m3u8")
    with pytest.raises(VodError, match="lists no segments"):
        read_package(str(empty))
    with pytest.raises(VodError) as info:
        read_package(str(tmp_path / "gone.m3u8"))
    assert info.value.code == "FileNotFound"
