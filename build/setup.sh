#!/usr/bin/env bash
# Installs what the project needs outside NuGet: Azurite (the project's own npm dependency) and Fashion-MNIST
# (Debian's dataset-fashion-mnist). Idempotent; the README's commands and CI call it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not found on PATH)." >&2
  exit 1
fi

if [ ! -x "$root/node_modules/.bin/azurite" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: Node.js and npm are required to install Azurite (npm not found on PATH)." >&2
    exit 1
  fi
  echo "setup: installing Azurite (npm ci)..."
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

data="${NAS_FASHION_MNIST:-/usr/share/datasets/fashion-mnist}"
files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
have_all() {
  for f in "${files[@]}"; do
    [ -f "$data/$f.gz" ] || [ -f "$data/$f" ] || return 1
  done
}
if ! have_all; then
  if [ -z "${NAS_FASHION_MNIST:-}" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing Fashion-MNIST (apt-get install dataset-fashion-mnist)..."
    apt-get install -y -qq dataset-fashion-mnist >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && apt-get install -y -qq dataset-fashion-mnist >/dev/null; }
  fi
fi
if ! have_all; then
  echo "setup: Fashion-MNIST not found in $data." >&2
  echo "  It needs ${files[*]} (each gzipped or raw)." >&2
  echo "  On Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist; or set NAS_FASHION_MNIST to a folder holding them." >&2
  exit 1
fi
