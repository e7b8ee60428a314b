#!/usr/bin/env bash
# Starts the servers the tests need, installing Debian's packages when they are missing, and prints the environment
# that points the tests at them (the test script evals it):
#   ACTORS_TEST_POSTGRES  a Npgsql connection string to a database the tests may create tables in
#   ACTORS_TEST_REDIS     host:port of a Redis server the tests may use
# Both listen on 127.0.0.1 only, on ports of their own (not the packages' defaults, so a server the machine already
# runs is left alone), with their data under $ACTORS_TEST_SERVERS_DIR (default /tmp/actors-test-servers). A server
# already started by an earlier run is reused. What fails is said on stderr; the tests that need that server then fail
# with a message saying how to start it.
set -uo pipefail

dir=${ACTORS_TEST_SERVERS_DIR:-/tmp/actors-test-servers}
pg_port=${ACTORS_TEST_POSTGRES_PORT:-55432}
redis_port=${ACTORS_TEST_REDIS_PORT:-56379}
mkdir -p "$dir"

say() { echo "test-servers: $*" >&2; }

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then say "cannot install $* (not root): sudo apt-get install -y $*"; return 1; fi
  say "installing $* from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >"$dir/apt.log" 2>&1 \
    || { apt-get update -q >>"$dir/apt.log" 2>&1 && apt-get install -y -q "$@" >>"$dir/apt.log" 2>&1; } \
    || { say "apt-get install $* failed, see $dir/apt.log"; return 1; }
}

# Runs a command as the given user when we are root (PostgreSQL refuses to run as root), as ourselves otherwise.
as_user() {
  local user=$1; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_postgres() {
  local bin data=$dir/postgres owner=postgres
  bin=$(pg_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then apt_install postgresql || return 1; bin=$(pg_bin); fi
  [ "$(id -u)" -eq 0 ] || owner=$(id -un)
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then return 0; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data" && chown "$owner" "$data" && chmod 700 "$data"
    as_user "$owner" "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { say "initdb failed, see $dir/initdb.log"; return 1; }
  fi
  as_user "$owner" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $data -c max_connections=200" start >/dev/null \
    || { say "PostgreSQL did not start, see $data/server.log"; return 1; }
  local psql=("$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qtA)
  [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'actors'")" = 1 ] \
    || "${psql[@]}" -c "CREATE ROLE actors LOGIN PASSWORD 'actors' CREATEDB" || return 1
  [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'actors'")" = 1 ] \
    || "${psql[@]}" -c "CREATE DATABASE actors OWNER actors" || return 1
}

start_redis() {
  command -v redis-server >/dev/null || apt_install redis-server || return 1
  if redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then return 0; fi
  redis-server --bind 127.0.0.1 --port "$redis_port" --daemonize yes --save '' --appendonly no \
      --dir "$dir" --logfile "$dir/redis.log" >/dev/null \
    || { say "redis-server did not start, see $dir/redis.log"; return 1; }
  for _ in $(seq 1 100); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  say "redis-server did not answer on port $redis_port, see $dir/redis.log"; return 1
}

start_postgres || say "PostgreSQL is not available: the PostgreSQL tests will fail"
start_redis || say "Redis is not available: the Redis tests will fail"
echo "export ACTORS_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=actors;Password=actors;Database=actors'"
echo "export ACTORS_TEST_REDIS='127.0.0.1:$redis_port'"
