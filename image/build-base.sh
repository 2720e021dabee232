#!/usr/bin/env bash
# Builds the base of the app's container image without any container registry: Debian bookworm (debootstrap
# --variant=minbase) + OpenJDK 17 JRE + the CJK font + the non-root user 10001, saved as a docker-archive
# (manifest.json + config + one layer) that Jib reads as a tar:// base.
#
#   image/build-base.sh [OUT]          (default OUT: target/image-base.tar)
#
# The archive is cached in ${ZHSZ_IMAGE_CACHE:-~/.cache/zhsz} under a hash of this script and its settings, so it
# is built once per machine (about a minute) and only linked afterwards. Needs root (debootstrap, chroot) and the
# Debian packages debootstrap and tar; ZHSZ_DEBIAN_MIRROR overrides the mirror. Sites with a registry do not need
# this script: see docs/install-vm.md / README ("Container image") for -Dimage.base=<registry image>.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT="${1:-target/image-base.tar}"
MIRROR="${ZHSZ_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE=bookworm
PACKAGES="openjdk-17-jre-headless fonts-wqy-microhei ca-certificates tzdata"
CACHE="${ZHSZ_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/zhsz}"
KEY="$({ cat "$0"; echo "$MIRROR $SUITE $PACKAGES"; } | sha256sum | cut -c1-16)"
CACHED="$CACHE/zhsz-base-$KEY.tar"

publish() {
  mkdir -p "$(dirname "$OUT")"
  rm -f "$OUT"
  ln "$CACHED" "$OUT" 2>/dev/null || cp "$CACHED" "$OUT"
  echo "image base: $OUT (cached $CACHED)"
}

if [ -s "$CACHED" ]; then
  publish
  exit 0
fi

[ "$(id -u)" -eq 0 ] || { echo "building the image base needs root (debootstrap, chroot); or use -Dimage.base=<registry image>" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }

started=$(date +%s)
mkdir -p "$CACHE"
WORK="$(mktemp -d "$CACHE/build.XXXXXX")"
ROOTFS="$WORK/rootfs"
cleanup() {
  umount "$ROOTFS/proc" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "image base: debootstrap $SUITE (minbase) from $MIRROR ..."
debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
  || { tail -30 "$WORK/debootstrap.log" >&2; exit 1; }

echo "image base: installing $PACKAGES ..."
mount -t proc proc "$ROOTFS/proc"
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
# no services start inside the chroot
printf '#!/bin/sh\nexit 101\n' > "$ROOTFS/usr/sbin/policy-rc.d" && chmod +x "$ROOTFS/usr/sbin/policy-rc.d"
chroot "$ROOTFS" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
  sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends $PACKAGES" >"$WORK/apt.log" 2>&1 \
  || { tail -30 "$WORK/apt.log" >&2; exit 1; }
# the app's user: fixed UID/GID 10001 (the Helm chart and the systemd unit use the same), no login, no home
chroot "$ROOTFS" groupadd --system --gid 10001 zhsz
chroot "$ROOTFS" useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
  --shell /usr/sbin/nologin zhsz
install -d -m 0750 -o 10001 -g 10001 "$ROOTFS/data"
umount "$ROOTFS/proc"

# what a runtime image does not need: package lists and caches, docs, man pages, logs, the host's resolver
chroot "$ROOTFS" apt-get clean
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/* "$ROOTFS"/var/log/* "$ROOTFS"/usr/share/doc/* \
  "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/sbin/policy-rc.d "$ROOTFS"/etc/resolv.conf \
  "$ROOTFS"/etc/machine-id "$ROOTFS"/tmp/* "$ROOTFS"/run/* "$ROOTFS"/dev/* "$ROOTFS"/proc/* "$ROOTFS"/sys/*
touch "$ROOTFS/etc/resolv.conf"
chmod 1777 "$ROOTFS/tmp"

echo "image base: writing the docker-archive ..."
ARCHIVE="$WORK/archive"
mkdir -p "$ARCHIVE"
tar -C "$ROOTFS" --numeric-owner --xattrs --sort=name -cf "$WORK/layer.tar" .
DIFF_ID="$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)"
gzip -1 -c "$WORK/layer.tar" > "$ARCHIVE/layer.tar.gz"
rm "$WORK/layer.tar"
JAVA_HOME_IN="/usr/lib/jvm/java-17-openjdk-amd64"
CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
cat > "$ARCHIVE/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$CREATED",
 "config":{"User":"10001:10001","WorkingDir":"/",
   "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","TZ=Asia/Shanghai","JAVA_HOME=$JAVA_HOME_IN"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$DIFF_ID"]},
 "history":[{"created":"$CREATED","created_by":"image/build-base.sh: debootstrap --variant=minbase $SUITE + $PACKAGES, user 10001"}]}
JSON
CONFIG_ID="$(sha256sum "$ARCHIVE/config.json" | cut -d' ' -f1)"
mv "$ARCHIVE/config.json" "$ARCHIVE/$CONFIG_ID.json"
cat > "$ARCHIVE/manifest.json" <<JSON
[{"Config":"$CONFIG_ID.json","RepoTags":["zhsz-base:$SUITE-jre17"],"Layers":["layer.tar.gz"]}]
JSON
tar -C "$ARCHIVE" -cf "$CACHED.partial" manifest.json "$CONFIG_ID.json" layer.tar.gz
mv "$CACHED.partial" "$CACHED"
echo "image base: built in $(( $(date +%s) - started )) s, $(du -m "$CACHED" | cut -f1) MB"
publish
