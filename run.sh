#!/usr/bin/env bash
# Runs the platform: a real Keycloak (realm zhsz with the demo users) on http://127.0.0.1:8180 and the app with
# the web UI on http://localhost:8080 (actuator on http://127.0.0.1:8081, loopback only), using the embedded store
# in ./data unless ZHSZ_MONGODB_URI is set. Ctrl-C or SIGTERM stops both.
#
#   ./run.sh                  start Keycloak and the app
#   ./run.sh backup DIR       consistent online backup of the running app's embedded store (and keys) into DIR
#   ./run.sh restore DIR      put such a backup in place of $ZHSZ_DATA_DIR (the app must be stopped)
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
KC_PORT="${ZHSZ_KEYCLOAK_PORT:-8180}"
APP_PORT="${ZHSZ_PORT:-8080}"
MGMT_PORT="${ZHSZ_MANAGEMENT_PORT:-8081}"
DATA_DIR="${ZHSZ_DATA_DIR:-$ROOT/data}"

# ---- backup / restore of the embedded store (docs/operations.md §4.2)
if [ "${1:-}" = "backup" ]; then
  DIR="${2:?usage: ./run.sh backup DIR}"
  mkdir -p "$DIR"
  OUT="$DIR/zhsz-backup.zip"
  [ -e "$OUT" ] && { echo "$OUT exists; choose an empty directory" >&2; exit 1; }
  # the app writes a snapshot while writes wait, then streams it with the data directory's keys
  if ! curl -sf -X POST -o "$OUT.partial" "http://127.0.0.1:$MGMT_PORT/actuator/backup"; then
    rm -f "$OUT.partial"
    echo "backup failed: is the app running with its management port on 127.0.0.1:$MGMT_PORT (and the embedded" \
      "journal store)?" >&2
    exit 1
  fi
  mv "$OUT.partial" "$OUT"
  unzip -q -o "$OUT" -d "$DIR"
  (cd "$DIR" && python3 - <<'PY'
import hashlib, json, sys
m = json.load(open("manifest.json"))
for name, want in m["sha256"].items():
    got = hashlib.sha256(open(name, "rb").read()).hexdigest()
    if got != want:
        sys.exit("checksum mismatch: " + name)
print("backup: %d documents up to journal entry %d, %d files, verified" % (m["documents"], m["sequence"], len(m["sha256"])))
PY
  )
  rm "$OUT"
  echo "backup written to $DIR"
  exit 0
fi
if [ "${1:-}" = "restore" ]; then
  DIR="${2:?usage: ./run.sh restore DIR}"
  [ -f "$DIR/manifest.json" ] && [ -f "$DIR/zhsz.snapshot" ] || { echo "$DIR holds no backup (manifest.json, zhsz.snapshot)" >&2; exit 1; }
  if curl -sf "http://127.0.0.1:$MGMT_PORT/actuator/health" >/dev/null 2>&1; then
    echo "the app is running (port $MGMT_PORT answers): stop it before restoring" >&2
    exit 1
  fi
  (cd "$DIR" && python3 - <<'PY'
import hashlib, json, sys
m = json.load(open("manifest.json"))
for name, want in m["sha256"].items():
    if hashlib.sha256(open(name, "rb").read()).hexdigest() != want:
        sys.exit("checksum mismatch in the backup: " + name)
PY
  )
  mkdir -p "$DATA_DIR"
  if [ -n "$(ls -A "$DATA_DIR" 2>/dev/null | grep -v '^logs$' || true)" ]; then
    ASIDE="$DATA_DIR.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$ASIDE"
    for f in "$DATA_DIR"/* "$DATA_DIR"/.[!.]*; do
      [ -e "$f" ] || continue
      [ "$(basename "$f")" = "logs" ] && continue
      mv "$f" "$ASIDE/"
    done
    echo "the previous data directory's files were moved to $ASIDE"
  fi
  (cd "$DIR" && python3 - "$DATA_DIR" <<'PY'
import json, os, shutil, sys
target = sys.argv[1]
m = json.load(open("manifest.json"))
for name in m["sha256"]:
    dest = os.path.join(target, name)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copy2(name, dest)
print("restored %d documents up to journal entry %d into %s" % (m["documents"], m["sequence"], target))
PY
  )
  chmod -R go-rwx "$DATA_DIR/keys" 2>/dev/null || true
  exit 0
fi

LOGS="$DATA_DIR/logs"
mkdir -p "$LOGS"

# The app needs Java 17+; prefer the default java, else Temurin 25.
APP_JAVA="java"
if ! java -version >/dev/null 2>&1; then APP_JAVA="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"; fi

KC_PID=""; APP_PID=""
stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping..."
  [ -n "$APP_PID" ] && kill -TERM "$APP_PID" 2>/dev/null || true
  [ -n "$KC_PID" ] && kill -TERM "$KC_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && wait "$APP_PID" 2>/dev/null || true
  [ -n "$KC_PID" ] && wait "$KC_PID" 2>/dev/null || true
  echo "Stopped."
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop' EXIT

started=$(date +%s)

# 1. Keycloak (unless one already answers on the port, e.g. an external one)
if curl -sf "http://127.0.0.1:$KC_PORT/realms/zhsz/.well-known/openid-configuration" >/dev/null 2>&1; then
  echo "Keycloak already running on :$KC_PORT, using it."
else
  echo "Starting Keycloak on :$KC_PORT (log: $LOGS/keycloak.log; first start takes about a minute)..."
  keycloak/keycloak.sh --port "$KC_PORT" --dir "$ROOT/.keycloak/run" >"$LOGS/keycloak.log" 2>&1 &
  KC_PID=$!
fi

# 2. Build the app if the jar is missing or older than the sources (in parallel with Keycloak's start)
JAR="$(ls target/zhsz-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [ -z "$JAR" ] || [ -n "$(find src frontend/src frontend/index.html pom.xml -newer "$JAR" -print -quit 2>/dev/null)" ]; then
  echo "Building the app (log: $LOGS/build.log)..."
  ./mvnw -B -q -DskipTests package >"$LOGS/build.log" 2>&1 || { echo "Build failed, see $LOGS/build.log"; tail -30 "$LOGS/build.log"; exit 1; }
  JAR="$(ls target/zhsz-*.jar | grep -v original | head -1)"
fi

# 3. The app
echo "Starting the app on :$APP_PORT (log: $LOGS/app.log)..."
# the demo realm's provisioning client (class and staff accounts); a site's own Keycloak sets its own secret
ZHSZ_ISSUER_URI="${ZHSZ_ISSUER_URI:-http://127.0.0.1:$KC_PORT/realms/zhsz}" \
ZHSZ_PROVISIONING_SECRET="${ZHSZ_PROVISIONING_SECRET-zhsz-demo-provisioning}" \
  "$APP_JAVA" ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$APP_PORT" \
  --management.server.port="$MGMT_PORT" --management.server.address=127.0.0.1 >"$LOGS/app.log" 2>&1 &
APP_PID=$!

wait_for() { # url name pid seconds
  local i=0
  until curl -sf "$1" >/dev/null 2>&1; do
    if [ -n "$3" ] && ! kill -0 "$3" 2>/dev/null; then echo "$2 exited; see $LOGS"; exit 1; fi
    i=$((i + 1)); [ "$i" -gt "$4" ] && { echo "$2 did not answer within $4 s; see $LOGS"; exit 1; }
    sleep 1
  done
}
wait_for "http://127.0.0.1:$KC_PORT/realms/zhsz/.well-known/openid-configuration" Keycloak "$KC_PID" 300
wait_for "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness" App "$APP_PID" 180
STORE="$(grep -o 'Store: [^,]*' "$LOGS/app.log" | head -1 || true)"

cat <<INFO

  ZHSZ 综合素质评价平台 is up (in $(( $(date +%s) - started )) s).

  Web app        http://localhost:$APP_PORT
  API docs       http://localhost:$APP_PORT/swagger-ui.html
  Health         http://127.0.0.1:$MGMT_PORT/actuator/health  (actuator: loopback only)
  Backup         ./run.sh backup DIR   (restore: stop, then ./run.sh restore DIR)
  Keycloak       http://127.0.0.1:$KC_PORT/admin  (realm zhsz)
  ${STORE}

  Demo logins (password for all: zhsz-demo)
    admin_s1      school admin, 泾源县第一中学 (S1)
    head_c1       head teacher of 七年级(1)班 (C1)
    teacher_c1    Chinese teacher of C1
    pe_c1         PE teacher of C1 and C2
    teacher_c2    maths teacher of 七年级(2)班 (C2)
    counselor_s1  counselor of S1
    student_c1a   a student of C1         parent_c1a   guardian of student_c1a
    student_c2a   a student of C2
    admin_s2, counselor_s2, teacher_s2    泾源县泾河源镇中心小学 (S2)
    bureau        泾源县教育体育局          auditor      county auditor
    admissions    a high school's admissions office

  Token for scripts:
    curl -d grant_type=password -d client_id=zhsz-cli -d username=admin_s1 -d password=zhsz-demo \\
      http://127.0.0.1:$KC_PORT/realms/zhsz/protocol/openid-connect/token

  Press Ctrl-C to stop.
INFO

wait "$APP_PID"
