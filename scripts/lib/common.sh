# Shared by scripts/test and scripts/bench: logging, root, a free port, and a
# throwaway PostgreSQL cluster. Source it with `root` set to the checkout.
# shellcheck shell=bash
: "${root:?set root to the checkout before sourcing common.sh}"

log() { printf '==> %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- PostgreSQL binaries (installed with apt-get only when missing) ------------
pg_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  local d
  d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}
PGBIN=$(pg_bindir || true)
if [ -z "${PGBIN:-}" ]; then
  log "installing PostgreSQL (apt-get)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
  PGBIN=$(pg_bindir)
fi

run_pg() {  # run a PostgreSQL binary as a user it accepts (never root)
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

# start_pg NAME EXTRA_OPTIONS: a fresh cluster under target/NAME (or /tmp when
# the postgres user cannot reach the checkout); sets pgdir and pgport.
start_pg() {
  local name=$1 extra=${2:-}
  pgdir="$root/target/$name"
  if [ "$(id -u)" -eq 0 ] && ! su postgres -s /bin/sh -c "test -x '$root/target' 2>/dev/null || test -x '$root'"; then
    pgdir=$(mktemp -d "/tmp/pv-$name.XXXXXX")
  fi
  mkdir -p "$root/target"
  rm -rf "$pgdir"
  mkdir -p "$pgdir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdir"; fi
  pgport=$(free_port)
  log "starting PostgreSQL on 127.0.0.1:$pgport ($pgdir)"
  run_pg "$PGBIN/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  run_pg "$PGBIN/pg_ctl" -D "$pgdir/data" -w -t 60 -l "$pgdir/server.log" \
    -o "-h 127.0.0.1 -p $pgport -k $pgdir $extra" start >/dev/null
}

stop_pg() {
  if [ -n "${pgdir:-}" ]; then run_pg "$PGBIN/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; fi
}
