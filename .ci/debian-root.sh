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
        chmod 0755 "$work"
        tar -C "$work" --numeric-owner -cf - . | zstd -q -T0 -3 -o "$tarball.tmp"
        mv "$tarball.tmp" "$tarball"
        rm -rf "$work"
    fi
    echo "$tarball"
}

# new_root DIR: unpack the base into DIR and make it a machine a new user would have: the machine's apt sources
# and name resolution, a user $CI_USER with passwordless sudo, and this checkout in ~/vodgui (owned by the user).
new_root() {
    local dir=$1 checkout=$2 tarball
    tarball=$(base_tarball)
    zstd -dcq "$tarball" | tar -C "$dir" --numeric-owner -xf -
    chmod 0755 "$dir"  # mktemp made it 0700: a system's / must be open to its users
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        cp /etc/apt/sources.list.d/debian.sources "$dir/etc/apt/sources.list.d/"
        rm -f "$dir/etc/apt/sources.list"
    fi
    cp /etc/resolv.conf "$dir/etc/resolv.conf"
    cp /etc/hosts "$dir/etc/hosts"
    # The network's trust settings, like a company desktop's: certificate authorities the machine's admin added
    # (a TLS-inspecting egress proxy here) and the machine-wide pip setting that makes pip trust them.
    if [ -n "$(ls /usr/local/share/ca-certificates 2>/dev/null)" ]; then
        mkdir -p "$dir/usr/local/share/ca-certificates" "$dir/etc/ssl/certs"
        cp -r /usr/local/share/ca-certificates/. "$dir/usr/local/share/ca-certificates/"
        cp /etc/ssl/certs/ca-certificates.crt "$dir/etc/ssl/certs/ca-certificates.crt"
    fi
    [ -f /etc/pip.conf ] && cp /etc/pip.conf "$dir/etc/pip.conf"
    chroot "$dir" useradd --create-home --shell /bin/bash "$CI_USER"
    echo "$CI_USER ALL=(ALL) NOPASSWD: ALL" > "$dir/etc/sudoers.d/$CI_USER"
    chmod 0440 "$dir/etc/sudoers.d/$CI_USER"
    mkdir "$dir/home/$CI_USER/vodgui"
    tar -C "$checkout" --exclude=./.venv --exclude=./dist --exclude=./build -cf - . \
        | tar -C "$dir/home/$CI_USER/vodgui" -xf -
    chroot "$dir" chown -R "$CI_USER:$CI_USER" "/home/$CI_USER"
    # apt's downloads from earlier runs, hard-linked in (not a shared mount: two CI runs at once must not fight
    # over apt's lock); save_apt_cache links new ones back.
    mkdir -p "$CI_CACHE/apt-archives" "$CI_CACHE/pip"
    find "$CI_CACHE/apt-archives" -maxdepth 1 -name '*.deb' -exec cp -l -t "$dir/var/cache/apt/archives/" {} +
    chown -R "$(stat -c %u "$dir/home/$CI_USER"):$(stat -c %g "$dir/home/$CI_USER")" "$CI_CACHE/pip"
}

# save_apt_cache DIR: keep the packages apt downloaded into the root for the next run.
save_apt_cache() {
    find "$1/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -l -f -t "$CI_CACHE/apt-archives/" {} + \
        2>/dev/null || true
}

# in_root DIR [HOST_DIR:ROOT_DIR...] -- [VAR=VALUE...] -- COMMAND: COMMAND (a bash command line) as $CI_USER in
# ~/vodgui, with only the given environment. pip's cache is shared across runs (a cache: only downloads are
# saved; every install still runs; pip writes its cache entries atomically).
in_root() {
    local dir=$1
    shift
    local home="/home/$CI_USER"
    unshare --mount --pid --fork --kill-child -- bash "$CI_DIR/enter-root.sh" "$dir" "$CI_USER" \
        "$CI_CACHE/pip:$home/.cache/pip" "$@"
}
