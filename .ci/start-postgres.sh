# shellcheck shell=bash
# Throwaway PostgreSQL for CI. Meant to be *sourced* by .ci/run (or by hand):
#
#   source .ci/start-postgres.sh
#   ci_pg_start          # exports TEST_DATABASE_URL, PG_BIN, PG_TMP
#   psql "$TEST_DATABASE_URL" -c 'select version()'
#   ci_pg_stop           # idempotent; safe to call from an EXIT trap
#
# The cluster lives in a fresh `mktemp -d` directory, listens on 127.0.0.1 only
# (plus a unix socket inside that directory), on a free port, with trust auth for
# the `postgres` superuser. Nothing outside the temp dir is touched, so several
# CI jobs can run side by side on one machine.

# Runs a command as the `postgres` OS user when we are root (PostgreSQL refuses
# to run as root), or directly otherwise. Always from inside $PG_TMP so the
# server never trips over a working directory it cannot read (e.g. /root/...).
_ci_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd "$PG_TMP" && runuser -u postgres -- "$@")
    else
      # Fallback for images without util-linux's runuser.
      local cmd
      printf -v cmd '%q ' "$@"
      (cd "$PG_TMP" && su postgres -s /bin/sh -c "$cmd")
    fi
  else
    (cd "$PG_TMP" && "$@")
  fi
}

# Finds the directory holding initdb/pg_ctl. Prefers PostgreSQL 15 (what
# production and docker-compose run), then the newest installed major, then
# whatever is on PATH. Installs the distro package if nothing is found.
_ci_pg_find_bin() {
  local candidate
  for candidate in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate"
      return 0
    fi
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  return 1
}

ci_pg_start() {
  PG_BIN="$(_ci_pg_find_bin)" || {
    echo "PostgreSQL server binaries not found; installing the distro package..."
    if [ "$(id -u)" -ne 0 ]; then
      echo "ERROR: not root, cannot apt-get install postgresql" >&2
      return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    PG_BIN="$(_ci_pg_find_bin)" || { echo "ERROR: still no initdb/pg_ctl after install" >&2; return 1; }
  }
  export PG_BIN

  # PostgreSQL will not start as root; give the cluster to the `postgres` user.
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /bin/sh postgres || return 1
  fi

  PG_TMP="$(mktemp -d)" || return 1
  export PG_TMP
  # mktemp -d gives 0700 root:root; the server user must own the whole tree.
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_TMP" || return 1
  fi

  # Ask the kernel for a free port (listen on 0, print it, close). There is a
  # tiny race until postgres binds it, which is acceptable for CI.
  PG_PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")" || return 1
  export PG_PORT

  _ci_pg_as_owner mkdir -p "$PG_TMP/data" "$PG_TMP/socket" || return 1
  _ci_pg_as_owner "$PG_BIN/initdb" --pgdata="$PG_TMP/data" --auth=trust -U postgres \
    --encoding=UTF8 --locale=C >"$PG_TMP/initdb.log" 2>&1 || {
    echo "ERROR: initdb failed:" >&2
    cat "$PG_TMP/initdb.log" >&2
    return 1
  }

  # Config appended (last setting wins). Durability is off because the cluster
  # is thrown away after the run; max_connections is raised because the test
  # suites create several databases and pools in parallel.
  # (Appending as root keeps the file owned by postgres.)
  cat >>"$PG_TMP/data/postgresql.conf" <<EOF

# --- added by .ci/start-postgres.sh ---
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_TMP/socket'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  _ci_pg_as_owner "$PG_BIN/pg_ctl" start -w -t 60 -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" >/dev/null || {
    echo "ERROR: PostgreSQL did not start; server log:" >&2
    cat "$PG_TMP/postgres.log" >&2 || true
    return 1
  }

  # No password in the URL (trust auth on loopback), so it is safe to print.
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}

# Stops the server and removes the temp dir. Quiet and idempotent so it can run
# both explicitly (before the summary) and from the EXIT trap.
ci_pg_stop() {
  if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP" ]; then
    if [ -f "$PG_TMP/data/postmaster.pid" ]; then
      _ci_pg_as_owner "$PG_BIN/pg_ctl" stop -m fast -w -D "$PG_TMP/data" >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TMP"
  fi
  PG_TMP=""
}
