#!/usr/bin/env bash
# Runs the project's Keycloak: fetches org.keycloak:keycloak-quarkus-dist from Maven Central (via Maven) on
# first use, keeps the unpacked server in DIR between runs, imports keycloak/zhsz-realm.json (and re-imports it,
# resetting Keycloak's dev database, whenever that file changes), then runs it in the foreground.
#
#   keycloak/keycloak.sh [--port 8180] [--dir .keycloak/run]
#
# Used by ./run.sh and by the integration tests (with another port and dir). Stop it with SIGTERM/Ctrl-C.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT=8180
DIR="$ROOT/.keycloak/run"
VERSION="${ZHSZ_KEYCLOAK_VERSION:-26.7.3}"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --dir) DIR="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
KC="$DIR/keycloak-$VERSION"
REALM="$ROOT/keycloak/zhsz-realm.json"

# Java: Keycloak 26 wants Java 21+; prefer Temurin 25 when present.
pick_java() {
  if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then echo "$KEYCLOAK_JAVA_HOME"; return; fi
  for c in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/temurin-21* /usr/lib/jvm/*-21-*; do
    if [ -x "$c/bin/java" ]; then echo "$c"; return; fi
  done
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}
export JAVA_HOME="$(pick_java)"

if [ ! -x "$KC/bin/kc.sh" ]; then
  ZIP="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$VERSION/keycloak-quarkus-dist-$VERSION.zip"
  if [ ! -f "$ZIP" ]; then
    echo "Fetching Keycloak $VERSION from Maven Central (about 180 MB, once)..." >&2
    "$ROOT/mvnw" -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" -Dtransitive=false >&2
  fi
  echo "Unpacking Keycloak into $DIR ..." >&2
  rm -rf "$KC.partial" && mkdir -p "$KC.partial"
  if command -v unzip >/dev/null; then
    unzip -q "$ZIP" -d "$KC.partial"
  else
    python3 -m zipfile -e "$ZIP" "$KC.partial"
  fi
  mv "$KC.partial/keycloak-$VERSION" "$KC" && rm -rf "$KC.partial"
  chmod +x "$KC"/bin/*.sh
fi

# Re-import the realm when the file changed: --import-realm skips an existing realm, so reset the dev DB.
STAMP="$KC/data/.realm.sha256"
SUM="$(sha256sum "$REALM" | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$SUM" ]; then
  echo "Realm file changed: resetting Keycloak's dev database and re-importing." >&2
  rm -rf "$KC/data/h2" "$KC/data/import"
  mkdir -p "$KC/data/import"
  cp "$REALM" "$KC/data/import/zhsz-realm.json"
  echo "$SUM" > "$STAMP"
fi

export KC_HTTP_MANAGEMENT_PORT="$((PORT + 1))"
exec "$KC/bin/kc.sh" start-dev \
  --http-host=127.0.0.1 --http-port="$PORT" \
  --hostname="http://127.0.0.1:$PORT" \
  --import-realm \
  --health-enabled=true \
  --log-level="${KEYCLOAK_LOG_LEVEL:-WARN}"
