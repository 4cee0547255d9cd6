#!/usr/bin/env bash
# Run a command as a normal user inside a root filesystem, in private mount and PID namespaces.
# Called by in_root (.ci/debian-root.sh) under `unshare --mount --pid --fork --kill-child`:
#
#   enter-root.sh ROOT USER [HOST_DIR:ROOT_DIR...] -- [VAR=VALUE...] -- COMMAND
#
# pivot_root, not chroot: the kernel refuses to create user namespaces inside a chroot, and the suite's TLS and
# hosts-file tests use one (unshare --user --map-root-user --mount) to bind-mount files as a normal user. Every
# mount made here belongs to this mount namespace: it disappears with the namespace's last process, and the PID
# namespace ends them all when COMMAND exits. Nothing is left mounted or running, whatever happens.
set -euo pipefail
root=$1 user=$2
shift 2
binds=()
while [ "$1" != "--" ]; do binds+=("$1"); shift; done
shift
envs=()
while [ "$1" != "--" ]; do envs+=("$1"); shift; done
shift
command=$1

mount --make-rprivate /
mount --bind "$root" "$root"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
for bind in "${binds[@]}"; do
    mkdir -p "$root${bind#*:}"
    mount --bind "${bind%%:*}" "$root${bind#*:}"
done
cd "$root"
mkdir -p .host
pivot_root . .host
cd /
umount -l /.host
rmdir /.host
cd "$(getent passwd "$user" | cut -d: -f6)/vodgui"
exec /usr/bin/env -i "${envs[@]}" /usr/sbin/runuser -u "$user" -- /bin/bash -c "$command" </dev/null
