#!/usr/bin/env bash
# Checks the docker files without a Docker engine: compose validation (Debian docker-compose) and
# Dockerfile lint (npm dockerfilelint). Installs both if missing. Exit non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")"
command -v docker-compose >/dev/null 2>&1 || apt-get install -y --no-install-recommends docker-compose >/dev/null
docker-compose -f compose.yaml config -q
echo "compose.yaml: valid"
tools="${CARBONSIM_TOOLS:-/tmp/carbonsim-tools}"
if [ ! -x "$tools/node_modules/.bin/dockerfilelint" ]; then
  mkdir -p "$tools" && (cd "$tools" && npm install --silent --no-audit --no-fund dockerfilelint@1.8.0 >/dev/null)
fi
"$tools/node_modules/.bin/dockerfilelint" Dockerfile.silo Dockerfile.client
