"""CDN URL signing types A, B and C: round trips, and the reason a URL is refused."""

from __future__ import annotations

import pytest

from vodgui.core import urlsign

KEY = "aliyuncdnexp1234"
URL = "http://cdn.example.com/video/standard/1K.mp4"
NOW = 1_790_000_000


@pytest.mark.parametrize("auth_type", ["A", "B", "C"])
def test_signed_url_verifies_until_it_expires(auth_type: str) -> None:
    signed = urlsign.sign(URL, KEY, auth_type, NOW + 600)
    assert urlsign.detect_type(signed) == auth_type
    assert urlsign.verify(signed, KEY, now=NOW).code == urlsign.OK
    assert urlsign.verify(signed, KEY, now=NOW + 700).code == urlsign.EXPIRED
    assert urlsign.verify(signed, KEY, now=NOW + 700, domain_ttl=1800).ok  # the domain's own period counts
    assert urlsign.verify(signed, "anotherkey123456", now=NOW).code == urlsign.BAD_SIGNATURE


def test_the_cdn_docs_examples() -> None:
    # The worked examples of Alibaba Cloud CDN's "Type A/B/C signing" pages (key aliyuncdnexp1234).
    a = urlsign.sign("http://cdn.example.com/video/standard/1K.html", KEY, "A", 1444435200, rand="0")
    assert a == "http://cdn.example.com/video/standard/1K.html?auth_key=1444435200-0-0-80cd3862d699b7118eed99103f2a3a4f"
    b = urlsign.sign("http://cdn.example.com/4/44/44c0909bcfc20a01afaf256ca99a8b8b.mp3", KEY, "B", 1439596800)
    assert b == ("http://cdn.example.com/201508150800/9044548ef1527deadafa49a890a377f0"
                 "/4/44/44c0909bcfc20a01afaf256ca99a8b8b.mp3")
    c = urlsign.sign("http://cdn.example.com/test.flv", KEY, "C", 0x55CE8100)
    assert c == "http://cdn.example.com/a37fa50a5fb8f71214b1e7c95ec7a1bd/55CE8100/test.flv"
    for url in (a, b, c):
        assert urlsign.verify(url, KEY, now=1439596800, domain_ttl=10**9).ok


def test_type_b_and_c_shapes() -> None:
    b = urlsign.sign(URL, KEY, "B", NOW)
    stamp = b.split("/")[3]
    assert len(stamp) == 12 and urlsign.type_b_time(stamp) >= NOW  # rounded up to the minute, UTC+8
    c = urlsign.sign(URL, KEY, "C", NOW)
    assert c.split("/")[4] == f"{NOW:X}" and c.endswith("/video/standard/1K.mp4")
    assert urlsign.strip_signature(c.split("example.com", 1)[1]) == "/video/standard/1K.mp4"
    # Re-signing replaces the old signature instead of nesting it.
    assert urlsign.sign(b, KEY, "C", NOW) == c


def test_explanations_name_what_changed() -> None:
    issued = urlsign.sign(URL, KEY, "A", NOW + 600, uid="42", rand="abc")
    moved = issued.replace("1K.mp4", "2K.mp4")
    verdict = urlsign.verify(moved, KEY, now=NOW, issued=issued)
    assert verdict.code == urlsign.PATH_CHANGED and verdict.params["now"] == "/video/standard/2K.mp4"
    tampered = issued.replace("-42-", "-43-")
    assert urlsign.verify(tampered, KEY, now=NOW, issued=issued).params == {"fields": "uid"}
    other_key = urlsign.sign(URL, "someotherkey1234", "A", NOW + 600, uid="42", rand="abc")
    assert urlsign.verify(other_key, KEY, now=NOW, issued=other_key).code == urlsign.WRONG_KEY
    assert urlsign.verify(issued, KEY, now=NOW, expected_type="B").code == "url_wrong_type"
    assert urlsign.verify(URL, KEY, now=NOW).code == urlsign.NOT_SIGNED
    assert urlsign.verify(URL + "?auth_key=1-2", KEY).code == urlsign.MALFORMED
    text = urlsign.describe(urlsign.PATH_CHANGED, verdict.params)
    assert "2K.mp4" in text and "path changed" in text


@pytest.mark.parametrize(("url", "key", "kind", "code"), [
    (URL, KEY, "D", "url_bad_type"), (URL, "has space", "A", "url_bad_key"), ("http://h", KEY, "A", "url_no_path")])
def test_bad_input_is_named(url: str, key: str, kind: str, code: str) -> None:
    with pytest.raises(urlsign.UrlSignError) as err:
        urlsign.sign(url, key, kind, NOW)
    assert err.value.code == code and urlsign.describe(code, err.value.params) != code
