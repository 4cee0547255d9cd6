"""Transcoding template groups: what each group turns an upload into.

Shapes follow ListTranscodeTemplateGroup / GetTranscodeTemplateGroup (docs/protocols.md, "Transcoding template
groups"). Every account has the same four groups, with ids derived from the account id so they survive a
restart with a data directory:

- ``VOD_NO_TRANSCODE``: the system group that keeps the original only;
- the account's default group: LD, SD and HD, each as MP4 and as HLS, the original kept as OD;
- an HLS standard encryption group: LD, SD and HD as AES-128 HLS (``EncryptType`` ``HLSEncryption``);
- an Alibaba Cloud private encryption group: SD as HLS flagged ``AliyunVoDEncryption``.

The heights are those of VOD's preset templates (LD 480p, SD 720p, HD 1080p); ``Settings.transcode_scale``
multiplies them so tests can transcode at a few dozen pixels. The private-encryption format is proprietary: the
sandbox writes AES-128 HLS and only *flags* it (UNCONFIRMED how the real bytes differ).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

#: The system template group that skips transcoding (a real, fixed id on the service).
NO_TRANSCODE_GROUP = "VOD_NO_TRANSCODE"

ENCRYPT_HLS = "HLSEncryption"
ENCRYPT_PRIVATE = "AliyunVoDEncryption"


@dataclass(frozen=True)
class Template:
    """One transcoding template: a definition at a height and bitrates, in one container format."""

    template_id: str
    definition: str
    height: int
    video_kbps: int
    audio_kbps: int
    container: str  # "mp4" | "m3u8"
    encrypt: str = ""  # "" | ENCRYPT_HLS | ENCRYPT_PRIVATE

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "TemplateId": self.template_id,
            "Name": f"{self.definition}-{self.container}",
            "Definition": self.definition,
            "Type": "Normal",
            "Container": f'{{"Format":"{self.container}"}}',
            "Video": (f'{{"Codec":"H.264","Height":"{self.height}","Bitrate":"{self.video_kbps}",'
                      '"Remove":"false"}'),
            "Audio": f'{{"Codec":"AAC","Bitrate":"{self.audio_kbps}","Remove":"false"}}',
            "TranscodeFileRegular": "",
            "Clip": "",
            "EncryptSetting": f'{{"EncryptType":"{self.encrypt}"}}' if self.encrypt else "",
            "PackageSetting": '{"PackageType":"HLSPackage"}' if self.container == "m3u8" else "",
        }
        return data


@dataclass(frozen=True)
class TemplateGroup:
    group_id: str
    name: str
    templates: tuple[Template, ...]
    keep_original: bool
    locked: bool = False

    @property
    def transcodes(self) -> bool:
        return bool(self.templates)

    def to_json(self, default_id: str) -> dict[str, Any]:
        return {
            "TranscodeTemplateGroupId": self.group_id,
            "Name": self.name,
            "IsDefault": "Default" if self.group_id == default_id else "NotDefault",
            "Locked": "Enabled" if self.locked else "Disabled",
            "TranscodeMode": "NormalTranscode" if self.templates else "NoTranscode",
            "TranscodeTemplateList": [t.to_json() for t in self.templates],
        }


#: (definition, height, video kbps, audio kbps) of the preset definitions.
_LADDER = (("LD", 480, 600, 64), ("SD", 720, 1200, 96), ("HD", 1080, 2500, 128))


def _id(account: str, name: str) -> str:
    return hashlib.md5(f"vod-{name}:{account}".encode()).hexdigest()


def _templates(account: str, group: str, containers: tuple[str, ...], encrypt: str = "",
               definitions: tuple[str, ...] = ("LD", "SD", "HD")) -> tuple[Template, ...]:
    return tuple(Template(_id(account, f"template:{group}:{d}:{c}"), d, h, vk, ak, c, encrypt)
                 for d, h, vk, ak in _LADDER if d in definitions for c in containers)


def account_groups(account: str) -> dict[str, TemplateGroup]:
    """The template groups of one account, by id (the default group first after the no-transcode one)."""
    default_id = hashlib.md5(f"vod-template-group:{account}".encode()).hexdigest()
    hls_id = _id(account, "template-group:hls-encryption")
    private_id = _id(account, "template-group:private-encryption")
    groups = [
        TemplateGroup(NO_TRANSCODE_GROUP, "No transcoding", (), keep_original=True, locked=True),
        TemplateGroup(default_id, "Multi-definition MP4 + HLS", _templates(account, "default", ("mp4", "m3u8")),
                      keep_original=True),
        TemplateGroup(hls_id, "HLS standard encryption", _templates(account, "hls", ("m3u8",), ENCRYPT_HLS),
                      keep_original=False),
        TemplateGroup(private_id, "Alibaba Cloud private encryption",
                      _templates(account, "private", ("m3u8",), ENCRYPT_PRIVATE, ("SD",)), keep_original=False),
    ]
    return {g.group_id: g for g in groups}
