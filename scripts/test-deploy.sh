#!/usr/bin/env bash
# `make test-deploy`: the portal on the stack a municipality would run, all on 127.0.0.1 and stopped at the end:
# PostgreSQL and Redis (Debian's packages), two gunicorn servers sharing them, nginx in front as the reverse
# proxy. scripts/deploy_check.py then tries it from outside through nginx and prints what it measured.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

need=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
if ((${#need[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's ${need[*]} for the deployment test..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "Missing for the deployment test: ${need[*]}. Install them with 'sudo apt-get install ${need[*]}'." >&2
    exit 1
  fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/lpo-deploy.XXXXXX)
pids=()
pg_started=""
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$pg_started" ] && pg_ctlcluster "$pg_started" main stop || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { .venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # url, what
  for _ in $(seq 1 150); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.2
  done
  echo "$2 did not start." >&2
  exit 1
}

# PostgreSQL: Debian's cluster, started here if it is not running (and stopped again at the end).
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | awk '{print $1, $2}' | grep -q "^$version main$" || pg_createcluster "$version" main >/dev/null
pg_port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
if ! pg_isready -q -h 127.0.0.1 -p "$pg_port"; then
  pg_ctlcluster "$version" main start
  pg_started=$version
fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
as_postgres psql -q -p "$pg_port" -tc "SELECT 1 FROM pg_roles WHERE rolname = 'lpo_deploy'" | grep -q 1 \
  || as_postgres psql -q -p "$pg_port" -c "CREATE ROLE lpo_deploy LOGIN PASSWORD 'lpo_deploy'"
as_postgres psql -q -p "$pg_port" -c "DROP DATABASE IF EXISTS lpo_deploy" >/dev/null
as_postgres psql -q -p "$pg_port" -c "CREATE DATABASE lpo_deploy OWNER lpo_deploy" >/dev/null

# Redis on a port of its own, nothing written to disk.
redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize no \
  --logfile "$work/redis.log" &
pids+=($!)

export DATABASE_URL="postgres://lpo_deploy:lpo_deploy@127.0.0.1:$pg_port/lpo_deploy"
export CACHE_URL="redis://127.0.0.1:$redis_port/0"
# The stack's own environment, not a local .env.
export DJANGO_READ_DOT_ENV_FILE=false
export DJANGO_SECRET_KEY
DJANGO_SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
# TLS would end at the load balancer; on loopback the stack speaks plain HTTP.
export DJANGO_SECURE_HTTPS=false
export LPO_PROXY_COUNT=1 LPO_PROXY_ADDRESSES=127.0.0.1
export LPO_EDITOR_PASSWORD=een-lang-wachtwoord-deploy

echo "Preparing the database (migrations, content, an editor)..."
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py createcachetable
.venv/bin/python manage.py load_content --if-empty -v0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py create_editor deploy-redacteur >/dev/null

# Two app servers, as on two machines: each its own content stamp file, sharing only PostgreSQL and Redis.
servers=()
for name in a b; do
  port=$(free_port)
  LPO_CONTENT_STAMP="$work/stamp-$name" setsid .venv/bin/gunicorn -c lpo/gunicorn.conf.py lpo.wsgi \
    --bind "127.0.0.1:$port" --workers 2 --log-level warning --pid "$work/gunicorn-$name.pid" &
  pids+=($!)
  servers+=("127.0.0.1:$port")
  echo "$!" > "$work/server-$name.pid"
done

nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream lpo {
    server ${servers[0]} max_fails=1 fail_timeout=5s;
    server ${servers[1]} max_fails=1 fail_timeout=5s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://lpo;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A server that is stopped or restarting: the request goes to the other one.
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
NGINX
"$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

for server in "${servers[@]}"; do wait_for "http://$server/healthz" "gunicorn on $server"; done
wait_for "http://127.0.0.1:$nginx_port/healthz" "nginx"

.venv/bin/python scripts/deploy_check.py \
  --proxy "http://127.0.0.1:$nginx_port" \
  --server "http://${servers[0]}" --server "http://${servers[1]}" \
  --stop-pid "$(cat "$work/server-b.pid")" \
  --redis "$CACHE_URL" \
  --editor deploy-redacteur --password "$LPO_EDITOR_PASSWORD"
