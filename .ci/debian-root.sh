# shellcheck shell=bash
# A fresh Debian 12 root filesystem for CI, and a way to run commands in it as a normal user.
# Sourced by .ci/run. The root is `debootstrap --variant=minbase` of bookworm (the smallest Debian there is)
# plus sudo, from the mirror in the machine's apt sources. The finished base is cached as a tarball under
# $CI_CACHE, so a warm run unpacks it in seconds; a cold run (no cache) bootstraps from the network.

CI_CACHE=${VODGUI_CI_CACHE:-/var/cache/vodgui-ci}
ROOT_SUITE=bookworm
ROOT_INCLUDE=sudo
CI_USER=dev

# The Debian mirror of the machine's configured apt sources (deb822 or one-line format).
debian_mirror() {
    local uri
    uri=$(awk -v suite="$ROOT_SUITE" '
        /^URIs:/ { u = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) found = u }
        /^$/ { u = "" } END { print found }' /etc/apt/sources.list.d/*.sources 2>/dev/null)
    if [ -z "$uri" ]; then
        uri=$(awk -v suite="$ROOT_SUITE" '$1 == "deb" && $3 == suite { print $2; exit }' \
            /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null)
    fi
    echo "${uri:-http://deb.debian.org/debian}"
}

# base_tarball: prints the path of the cached base root, bootstrapping it first if it is not there.
base_tarball() {
    local tarball="$CI_CACHE/rootfs/$ROOT_SUITE-minbase-$ROOT_INCLUDE.tar.zst" work
    if [ ! -s "$tarball" ]; then
        mkdir -p "$CI_CACHE/rootfs"
        work=$(mktemp -d /var/tmp/vodgui-debootstrap.XXXXXX)
        echo "bootstrapping $ROOT_SUITE (minbase + $ROOT_INCLUDE) from $(debian_mirror)" >&2
        debootstrap --variant=minbase --include="$ROOT_INCLUDE" "$ROOT_SUITE" "$work" "$(debian_mirror)" \
            > "$CI_CACHE/rootfs/debootstrap.log" 2>&1 \
            || { tail -20 "$CI_CACHE/rootfs/debootstrap.log" >&2; rm -rf "$work"; return 1; }
        rm -f "$work"/var/cache/apt/archives/*.deb
        tar -C "$work" --numeric-owner -cf - . | zstd -q -T0 -3 -o "$tarball.tmp"
        mv "$tarball.tmp" "$tarball"
        rm -rf "$work"
    fi
    echo "$tarball"
}
