"""CHANGELOG.md (Keep a Changelog) as data, for the release feed's notes and the AppStream metainfo's releases.

    python packaging/changelog.py notes VERSION                  # the notes of VERSION (else Unreleased), plain text
    python packaging/changelog.py metainfo TEMPLATE VERSION DATE # the metainfo with @RELEASES@ filled in

The version being built takes the section named after it, else the Unreleased one, dated DATE; older released
sections follow, newest first.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

CHANGELOG = Path(__file__).resolve().parents[1] / "CHANGELOG.md"
_HEADING = re.compile(r"^## \[(?P<name>[^\]]+)\](?:\s*-\s*(?P<date>\d{4}-\d{2}-\d{2}))?\s*$")


@dataclass
class Section:
    name: str  # "Unreleased" or a version
    date: str
    #: (heading, bullets) per "### Added"-style group; a bullet's continuation lines are joined.
    groups: list[tuple[str, list[str]]]


def _plain(text: str) -> str:
    """Markdown inline markup to plain text: links keep their words, code and emphasis lose their marks."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return re.sub(r"[`*]", "", text).strip()


def sections(path: Path = CHANGELOG) -> list[Section]:
    out: list[Section] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _HEADING.match(line)
        if match:
            out.append(Section(match["name"], match["date"] or "", []))
            continue
        if not out:
            continue
        current = out[-1]
        if line.startswith("### "):
            current.groups.append((line[4:].strip(), []))
        elif line.startswith("- "):
            if not current.groups:
                current.groups.append(("", []))
            current.groups[-1][1].append(_plain(line[2:]))
        elif line.startswith("  ") and current.groups and current.groups[-1][1]:
            bullets = current.groups[-1][1]
            bullets[-1] = f"{bullets[-1]} {_plain(line)}"
    return out


def section_for(version: str, path: Path = CHANGELOG) -> Section | None:
    found = {s.name: s for s in sections(path)}
    return found.get(version) or found.get("Unreleased")


def notes(version: str, path: Path = CHANGELOG) -> str:
    section = section_for(version, path)
    if section is None:
        return ""
    parts = []
    for heading, bullets in section.groups:
        parts.append("\n".join(([heading + ":"] if heading else []) + [f"- {b}" for b in bullets]))
    return "\n\n".join(parts)


def _release_xml(version: str, date: str, section: Section | None) -> str:
    lines = [f'    <release version="{escape(version)}" date="{escape(date)}">']
    bullets = [b for _, group in (section.groups if section else []) for b in group]
    if bullets:
        lines.append("      <description>")
        lines.append("        <ul>")
        lines += [f"          <li>{escape(b)}</li>" for b in bullets]
        lines.append("        </ul>")
        lines.append("      </description>")
    lines.append("    </release>")
    return "\n".join(lines)


def metainfo(template: str, version: str, date: str, path: Path = CHANGELOG) -> str:
    releases = [_release_xml(version, date, section_for(version, path))]
    releases += [_release_xml(s.name, s.date, s) for s in sections(path)
                 if s.name not in ("Unreleased", version) and s.date]
    return template.replace("@RELEASES@", "\n".join(releases))


def main(argv: list[str]) -> int:
    if argv[:1] == ["notes"] and len(argv) == 2:
        print(notes(argv[1]))
        return 0
    if argv[:1] == ["metainfo"] and len(argv) == 4:
        sys.stdout.write(metainfo(Path(argv[1]).read_text(encoding="utf-8"), argv[2], argv[3]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
