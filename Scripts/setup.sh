#!/usr/bin/env bash
# Installs the system libraries Steward links against (SQLite with FTS5, zlib) when they are missing.
set -euo pipefail
need=()
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  apt-get update -qq
  apt-get install -y -qq "${need[@]}"
fi
command -v swift >/dev/null || export PATH="$PATH:/opt/swift/usr/bin"
