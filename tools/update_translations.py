"""Extract translatable strings into the .ts sources and compile the .qm files.

    python tools/update_translations.py          # lupdate (keeps existing translations) + lrelease
    python tools/update_translations.py --check  # exit 1 if a source string is missing or untranslated

Sources: every module under vodgui/ui plus vodgui/app.py and vodgui/smoke.py. Strings must be literals at the
call site (self.tr("..."), QCoreApplication.translate("ctx", "..."), QT_TRANSLATE_NOOP) for lupdate to see them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "vodgui" / "resources" / "translations"
LANGUAGES = ["zh_CN"]
#: English is the source language; its .ts holds only the strings with plural forms (%n).
PLURAL_ONLY = ["en"]


def sources() -> list[str]:
    files = [*sorted((ROOT / "vodgui" / "ui").glob("*.py")), ROOT / "vodgui" / "app.py", ROOT / "vodgui" / "smoke.py"]
    return [str(f.relative_to(ROOT)) for f in files]


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(exe) if exe.exists() else f"pyside6-{name}"


def lupdate(ts: Path, *, no_obsolete: bool = True, lang: str = "", plural_only: bool = False) -> None:
    args = [tool("lupdate"), *sources(), "-ts", str(ts)]
    if plural_only:
        args.insert(1, "-pluralonly")
    if lang:
        args[1:1] = ["-source-language", "en", "-target-language", lang]
    if no_obsolete:
        args.insert(1, "-no-obsolete")
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, type attribute)."""
    out: dict[tuple[str, str], tuple[str, str | None]] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None:
                continue
            forms = [f.text or "" for f in tr.findall("numerusform")]
            text = " ".join(forms) if forms and all(f.strip() for f in forms) else (tr.text or "")
            out[(name, msg.findtext("source") or "")] = (text, tr.get("type"))
    return out


def problems(lang: str) -> list[str]:
    """Strings in the code that the committed .ts lacks or leaves untranslated."""
    committed = TRANSLATIONS / f"vodgui_{lang}.ts"
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate(fresh, plural_only=lang in PLURAL_ONLY)
        wanted = messages(fresh)
    have = messages(committed) if committed.exists() else {}
    issues = []
    for key in wanted:
        text, kind = have.get(key, ("", "missing"))
        if kind in ("unfinished", "missing", "vanished", "obsolete") or not text.strip():
            issues.append(f"{lang}: [{key[0]}] {key[1]!r}: {kind or 'empty'}")
    return issues


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        issues = [p for lang in LANGUAGES + PLURAL_ONLY for p in problems(lang)]
        print("\n".join(issues) or "all strings translated")
        return 1 if issues else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES + PLURAL_ONLY:
        ts = TRANSLATIONS / f"vodgui_{lang}.ts"
        lupdate(ts, lang=lang, plural_only=lang in PLURAL_ONLY)
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True,
                       capture_output=True)
        unfinished = sum(1 for _, kind in messages(ts).values() if kind == "unfinished")
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
