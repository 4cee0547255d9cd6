"""Kinds of queue item, their builders, sidecar subtitles, package members; the store's kind columns and the
credentials of images that cannot be refreshed."""

from __future__ import annotations

from pathlib import Path

import pytest

from vodgui.core.credentials import Secret, UploadAddress, UploadAuth, UploadTicket
from vodgui.core.errors import VodError
from vodgui.core.media_items import (
    check_attached,
    check_image,
    check_url,
    cover_items,
    file_item,
    find_subtitles,
    kind_for_path,
    sidecar_subtitles,
    url_file_name,
    url_item,
    without_package_members,
)
from vodgui.core.sources import OneShotUploadCredentials, UploadAuthExpired
from vodgui.core.transfer.record import AttachedDetails, CoverTarget, ImageDetails, M3u8Details


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.t = now

    def now(self) -> float:
        return self.t

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float, interrupt: object = None) -> bool:
        self.t += seconds
        return False


def test_kinds_follow_the_extension() -> None:
    assert [kind_for_path(p) for p in ("a.MP4", "b.m3u8", "c.png", "d.GIF", "e.webp", "f.srt", "g.vtt", "h.txt")] \
        == ["video", "m3u8", "image", "image", "image", "attached", "attached", "video"]


def test_checks_name_what_is_accepted() -> None:
    assert check_image("/x/a.JPG") == "jpg"
    with pytest.raises(VodError, match="png") as info:
        check_image("/x/a.webp")
    assert info.value.code == "InvalidImageExt"
    with pytest.raises(VodError) as info:
        check_image("/x/a.png", "poster")
    assert info.value.code == "InvalidImageType"
    assert check_attached("/x/a.vtt", "subtitle") == "vtt"
    with pytest.raises(VodError, match="watermark") as info:
        check_attached("/x/a.srt", "watermark")
    assert info.value.code == "InvalidMediaExt"
    with pytest.raises(VodError) as info:
        check_attached("/x/a.srt", "music")
    assert info.value.code == "InvalidBusinessType"
    assert check_url(" https://h.example/a.mp4 ") == "https://h.example/a.mp4"
    for bad in ("", "ftp://h/a.mp4", "https:///a.mp4", "/local/a.mp4"):
        with pytest.raises(VodError):
            check_url(bad)
    assert url_file_name("https://h.example/v/a%20b.mp4?x=1") == "a b.mp4"
    assert url_file_name("https://h.example/") == "h.example"


def test_item_builders(tmp_path: Path) -> None:
    png = tmp_path / "p.png"
    png.write_bytes(b"x" * 10)
    item = file_item(str(png), "prof", {"title": "t"})
    assert (item.kind, item.size, item.details) == ("image", 10, ImageDetails("default"))
    srt = tmp_path / "s.srt"
    srt.write_text("1")
    assert file_item(str(srt), "prof").details == AttachedDetails("subtitle")
    assert file_item(str(png), "prof", business_type="watermark").details == AttachedDetails("watermark")
    seg = tmp_path / "s0.ts"
    seg.write_bytes(b"s" * 100)
    playlist = tmp_path / "i.m3u8"
    playlist.write_text("#EXTM3U\n#EXTINF:1,\ns0.ts\n")
    package = file_item(str(playlist), "prof")
    assert package.kind == "m3u8" and package.size == 100 + len(playlist.read_bytes()) \
        and package.details == M3u8Details(segments=1)
    assert url_item("http://h/a.mp4", "prof").kind == "url"
    [a, b] = cover_items(str(png), [(1, "p1", None), (2, "p1", "vid"), (3, "p2", None)])
    assert (a.profile, a.details) == ("p1", ImageDetails("cover", (CoverTarget(item_id=1), CoverTarget("vid"))))
    assert b.details == ImageDetails("cover", (CoverTarget(item_id=3),))
    with pytest.raises(VodError):
        cover_items(str(tmp_path / "c.bmp"), [(1, "p1", None)])


def test_sidecar_subtitles_and_package_members(tmp_path: Path) -> None:
    for name in ("clip.mp4", "clip.srt", "clip.zh.vtt", "clip.part2.mp4", "clip.part2.en.srt", "clipper.srt",
                 "clip.ass", "other.vtt"):
        (tmp_path / name).write_text("x")
    clip, part2 = str(tmp_path / "clip.mp4"), str(tmp_path / "clip.part2.mp4")
    assert find_subtitles(clip) == [str(tmp_path / "clip.part2.en.srt"), str(tmp_path / "clip.srt"),
                                    str(tmp_path / "clip.zh.vtt")]  # alone, clip.part2.en.srt is clip's too
    assert sidecar_subtitles([clip, part2]) == {
        clip: [str(tmp_path / "clip.srt"), str(tmp_path / "clip.zh.vtt")],
        part2: [str(tmp_path / "clip.part2.en.srt")],
    }
    (tmp_path / "hls").mkdir()
    playlist = tmp_path / "hls" / "i.m3u8"
    playlist.write_text("#EXTM3U\n#EXTINF:1,\na.ts\n#EXTINF:1,\n../clip.mp4\n")
    files = [str(playlist), str(tmp_path / "hls" / "a.ts"), str(tmp_path / "hls" / "b.ts"), clip]
    assert without_package_members(files) == [str(playlist), str(tmp_path / "hls" / "b.ts")]


def test_one_shot_credentials_expire_instead_of_renewing() -> None:
    clock = FakeClock()
    auth = UploadAuth("STS.k", Secret("s"), Secret("t"), clock.now() + 3000)
    creds = OneShotUploadCredentials(UploadTicket("img", UploadAddress("http://e", "b", "k"), auth), clock)
    assert creds.get_credentials().access_key_id == "STS.k"
    with pytest.raises(UploadAuthExpired):
        creds.force_refresh("STS.k")
    clock.t += 2990  # too close to the expiry to start a request
    with pytest.raises(UploadAuthExpired) as info:
        creds.get_credentials()
    assert info.value.code == "UploadAuthExpired" and not info.value.retryable
