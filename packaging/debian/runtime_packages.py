"""Derive the Debian packages a source install of vodgui needs at run time, or check that none is missing.

Run it with the Python of an environment where vodgui is installed (``.venv/bin/python``):

    python packaging/debian/runtime_packages.py            # derive: rewrite runtime-packages.txt and
                                                           # runtime-libraries.tsv (on a full machine)
    python packaging/debian/runtime_packages.py --check    # list the libraries that cannot be loaded here and
                                                           # the package that provides each; exit 3 if any

What the app loads: the PySide6 modules it imports, the Qt plugins it uses (platforms/xcb and offscreen, the xcb
GL integrations, multimedia/FFmpeg, tls, imageformats, iconengines, the input contexts), and every native module of
its other runtime dependencies (anycrc, cryptography...). ``ldd`` resolves each one's full dependency tree; the
system libraries in it are mapped to their Debian packages with ``dpkg -S`` (on the machine that derives the list,
where everything is installed). The list keeps only what a minimal Debian 12 (``debootstrap --variant=minbase``:
Priority required) lacks, and drops any package another listed package already depends on, so apt pulls it in.

A few needs are not shared libraries and cannot come from ``ldd``; ``EXTRA`` lists them with the reason.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGES_TXT = HERE / "runtime-packages.txt"
LIBRARIES_TSV = HERE / "runtime-libraries.tsv"

#: Packages no ldd run can find, with the reason.
EXTRA = {
    "python3-venv": "the README's `python3 -m venv` (Debian splits venv/ensurepip out of python3)",
    "fonts-dejavu-core": "Qt draws text through fontconfig: a minimal system has no font at all",
    "fonts-wqy-microhei": "the Simplified Chinese interface needs a CJK font",
}

#: PySide6 modules the app imports (vodgui/ and the PyInstaller spec's hidden imports).
QT_MODULES = ["QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtSvg", "QtMultimedia", "QtMultimediaWidgets"]

#: Qt plugins the app uses, relative to PySide6/Qt/plugins (globs).
QT_PLUGINS = [
    "platforms/libqxcb.so", "platforms/libqoffscreen.so", "xcbglintegrations/*.so",
    "multimedia/*.so", "tls/*.so", "imageformats/*.so", "iconengines/*.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
]

_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


def runtime_distributions(root: str = "vodgui") -> list[metadata.Distribution]:
    """vodgui's installed distribution and everything it requires at run time (no extras), recursively."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = re.split(r"[\s;\[<>=!~(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[name] = dist
        for req in dist.requires or []:
            if "extra ==" not in req and "extra==" not in req:
                todo.append(req)
    return list(seen.values())


def loaded_binaries() -> list[Path]:
    """The native files the app loads: Qt modules and plugins, and other runtime dependencies' extensions."""
    purelib = Path(sysconfig.get_paths()["purelib"])
    pyside = purelib / "PySide6"
    if not pyside.is_dir():
        sys.exit(f"PySide6 is not installed in {purelib}: run this with the Python of vodgui's environment")
    files: list[Path] = []
    for module in QT_MODULES:
        files += sorted(pyside.glob(f"{module}.*.so")) or sorted(pyside.glob(f"{module}.abi3.so"))
    for pattern in QT_PLUGINS:
        files += sorted((pyside / "Qt" / "plugins").glob(pattern))
    for dist in runtime_distributions():
        if dist.metadata["Name"].lower().startswith(("pyside6", "shiboken6")):
            continue  # the Qt modules above, and shiboken6 through their ldd trees
        for entry in dist.files or []:
            if re.search(r"\.so(\.\d+)*$", entry.name):
                files.append(Path(str(dist.locate_file(entry))))
    return [f for f in dict.fromkeys(files) if f.exists()]


def ldd(path: Path) -> dict[str, str | None]:
    """Every library ``path`` needs, directly or not: soname -> resolved path (None if not found)."""
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout
    found: dict[str, str | None] = {}
    for line in out.splitlines():
        m = _LDD_LINE.match(line)
        if m:
            found[m.group(1)] = None if m.group(2) == "not found" else m.group(2)
    return found


def scan() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(system soname -> path, missing soname -> the loaded files that need it)."""
    purelib = str(Path(sysconfig.get_paths()["purelib"]).resolve())
    system: dict[str, str] = {}
    missing: dict[str, list[str]] = {}
    for binary in loaded_binaries():
        for soname, where in ldd(binary).items():
            if where is None:
                missing.setdefault(soname, []).append(str(binary.relative_to(purelib)) if
                                                      str(binary).startswith(purelib) else str(binary))
            elif not str(Path(where).resolve()).startswith(purelib):
                system[soname] = where
    return system, missing


def dpkg_owner(path: str) -> str | None:
    """The package that installed ``path`` (merged /usr: try the path as given, resolved and /usr-prefixed)."""
    candidates = [path, str(Path(path).resolve())]
    candidates += ["/usr" + c for c in candidates if not c.startswith("/usr/")]
    for candidate in dict.fromkeys(candidates):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def _fields(packages: list[str], fmt: str) -> dict[str, str]:
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\t" + fmt + "\n", *packages],
                         capture_output=True, text=True, check=True).stdout
    return dict(line.split("\t", 1) for line in out.splitlines() if "\t" in line)


def depends_closure(package: str, cache: dict[str, set[str]]) -> set[str]:
    """Everything ``package`` pulls in through Depends/Pre-Depends (first alternative), among installed packages."""
    seen: set[str] = set()
    todo = [package]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name not in cache:
            raw = _fields([name], "${Depends}, ${Pre-Depends}").get(name, "")
            cache[name] = {alt.split("|")[0].split("(")[0].split(":")[0].strip()
                           for alt in raw.split(",") if alt.strip()}
        todo.extend(cache[name] - seen)
    return seen - {package}


def derive() -> int:
    system, missing = scan()
    if missing:
        for soname, needers in sorted(missing.items()):
            print(f"not found on this machine: {soname} (needed by {needers[0]})", file=sys.stderr)
        print("derive the list on a machine where the app runs (every library installed)", file=sys.stderr)
        return 1
    owners: dict[str, str] = {}
    for soname, path in sorted(system.items()):
        owner = dpkg_owner(path)
        if owner is None:
            print(f"no Debian package owns {path} ({soname})", file=sys.stderr)
            return 1
        owners[soname] = owner.split(":")[0]  # drop the :amd64 qualifier
    packages = sorted(set(owners.values()))
    priority = _fields(packages, "${Priority} ${Essential}")
    needed = [p for p in packages if not priority.get(p, "").startswith("required") and "yes" not in priority[p]]
    cache: dict[str, set[str]] = {}
    pulled = set().union(*(depends_closure(p, cache) for p in needed)) if needed else set()
    direct = [p for p in needed if p not in pulled]
    listed = sorted(set(direct) | set(EXTRA))
    PACKAGES_TXT.write_text("".join(f"{p}\n" for p in listed))
    LIBRARIES_TSV.write_text("# soname\tDebian package (written by runtime_packages.py; --check reads it)\n" +
                             "".join(f"{s}\t{owners[s]}\n" for s in sorted(owners) if owners[s] in needed))
    print(f"{len(system)} system libraries from {len(owners)} sonames in {len(packages)} packages; "
          f"{len(needed)} not in a minimal Debian, {len(direct)} after dropping what apt pulls in, "
          f"+ {len(EXTRA)} not found by ldd ({', '.join(EXTRA)})")
    print(f"wrote {PACKAGES_TXT.relative_to(HERE.parents[1])}: {' '.join(listed)}")
    return 0


def check() -> int:
    _, missing = scan()
    if not missing:
        print(f"runtime libraries: all found ({len(loaded_binaries())} Qt modules, plugins and native extensions)")
        return 0
    known: dict[str, str] = {}
    if LIBRARIES_TSV.exists():
        for line in LIBRARIES_TSV.read_text().splitlines():
            if line and not line.startswith("#"):
                soname, package = line.split("\t")
                known[soname] = package
    for soname, needers in sorted(missing.items()):
        package = known.get(soname)
        hint = (f"Debian package {package}" + ("" if package in PACKAGES_TXT.read_text().split() else
                                                 ", which packaging/debian/runtime-packages.txt does not list")
                if package else "not in runtime-libraries.tsv: re-derive the list")
        print(f"MISSING LIBRARY {soname}: needed by {needers[0]}"
              + (f" and {len(needers) - 1} more" if len(needers) > 1 else "") + f" ({hint})")
    return 3  # distinct from a crash or a usage error (1, 2): CI names the library only for this one


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report libraries that cannot be loaded here")
    args = parser.parse_args()
    return check() if args.check else derive()


if __name__ == "__main__":
    raise SystemExit(main())
