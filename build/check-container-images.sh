#!/usr/bin/env bash
# Checks the Functions app's container definitions (infra/container/*.Dockerfile) against the publish output, without Docker:
# each one builds FROM the Azure Functions .NET isolated base image (Debian 12) and copies its build context, the publish
# folder of `dotnet publish`, whole and nothing else; and the published libLibTorchSharp.so loads on Debian 12 (its
# GLIBCXX_3.4.32 requirement is marked weak). Usage: build/check-container-images.sh [PUBLISH_DIR] (default artifacts/functionapp,
# which build/check-functions-app.sh publishes).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
published="${1:-$root/artifacts/functionapp}"
base="mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0"
problems=()
[ -d "$published" ] || { echo "container check: no publish folder at $published (run build/check-functions-app.sh)" >&2; exit 1; }

shopt -s nullglob
dockerfiles=("$root"/infra/container/*.Dockerfile)
[ "${#dockerfiles[@]}" -ge 2 ] || problems+=("expected the cpu and gpu Dockerfiles in infra/container, found ${#dockerfiles[@]}")
for file in "${dockerfiles[@]}"; do
  name="infra/container/$(basename "$file")"
  instructions="$(grep -vE '^\s*(#|$)' "$file" | grep -E '^\s*[A-Za-z]+' | awk '{print toupper($1)}')"
  [ "$(grep -c '^FROM$' <<<"$instructions")" = 1 ] || problems+=("$name: needs exactly one FROM")
  grep -qE "^FROM ${base//./\\.}\s*$" "$file" || problems+=("$name: must build FROM $base")
  grep -qE '^(RUN|ADD)$' <<<"$instructions" && problems+=("$name: RUN or ADD would build or fetch inside the image; it must only copy the publish output")
  [ "$(grep -c '^COPY$' <<<"$instructions")" = 1 ] || problems+=("$name: needs exactly one COPY")
  grep -qE '^COPY \. /home/site/wwwroot/?\s*$' "$file" || problems+=("$name: must COPY . /home/site/wwwroot (the whole publish folder)")
  grep -qE 'AzureWebJobsScriptRoot=/home/site/wwwroot' "$file" || problems+=("$name: must set AzureWebJobsScriptRoot=/home/site/wwwroot")
  [ -e "$file.dockerignore" ] && problems+=("$name: a .dockerignore beside it would leave published files out")
  # The usage lines: the folder published is the folder given to docker build as the context.
  output="$(sed -nE 's/^#.*dotnet publish src\/NasFunctions\.FunctionApp .*-o ([^ ]+).*$/\1/p' "$file")"
  context="$(sed -nE "s/^#.*docker build -f ${name//\//\\/} .* ([^ ]+)\s*$/\1/p" "$file")"
  [ -n "$output" ] && [ "$output" = "$context" ] || problems+=("$name: its docker build context ('$context') must be the dotnet publish output ('$output')")
  case "$name" in
    *gpu*) grep -qE '^#.*dotnet publish .*-p:NasTorchBackend=cuda' "$file" || problems+=("$name: the GPU image publishes with -p:NasTorchBackend=cuda") ;;
    *) grep -qE '^#.*dotnet publish .*NasTorchBackend=(cuda|none)' "$file" && problems+=("$name: the CPU image publishes with the cpu backend") ;;
  esac
done
[ -e "$published/.dockerignore" ] && problems+=("the publish folder has a .dockerignore, which would leave files out of the image")

# What COPY . puts in /home/site/wwwroot is the publish folder itself: it must hold what the Functions host loads.
for needed in host.json functions.metadata worker.config.json NasFunctions.FunctionApp.dll .azurefunctions libLibTorchSharp.so; do
  [ -e "$published/$needed" ] || problems+=("publish output lacks $needed")
done
[ -e "$published/local.settings.json" ] && problems+=("publish output has local.settings.json (local secrets must stay out of images)")

# TorchSharp on Debian 12: the GLIBCXX_3.4.32 requirement is weak, and the library loads against this machine's libstdc++.
lib="$published/libLibTorchSharp.so"
if [ -e "$lib" ]; then
  if ! readelf -V --wide "$lib" | grep -E 'Name: GLIBCXX_3\.4\.32' | grep -q 'Flags: WEAK'; then
    problems+=("$lib: its GLIBCXX_3.4.32 requirement is not marked weak (Debian 12 ships GLIBCXX up to 3.4.30)")
  fi
  if command -v python3 >/dev/null 2>&1; then
    if ! LD_LIBRARY_PATH="$published" python3 -c 'import ctypes, sys; ctypes.CDLL(sys.argv[1])' "$lib" 2>/tmp/nas-load.$$; then
      problems+=("$lib does not load here: $(tr '\n' ' ' </tmp/nas-load.$$)")
    fi
    rm -f /tmp/nas-load.$$
    os="$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || echo "this system")"
    newest="$(grep -ao 'GLIBCXX_3\.4\.[0-9]*' "$(ldconfig -p | awk '/libstdc\+\+\.so\.6 /{print $NF; exit}')" 2>/dev/null | sort -V | tail -n 1 || true)"
    loaded="libLibTorchSharp.so loaded on $os (libstdc++ up to ${newest:-unknown})"
  fi
fi

if [ "${#problems[@]}" -gt 0 ]; then
  printf 'container check failed:\n'; printf '  %s\n' "${problems[@]}"
  exit 1
fi
echo "container check: ${#dockerfiles[@]} Dockerfiles copy the whole publish folder ($(find "$published" -type f | wc -l) files) FROM $base; ${loaded:-load test skipped (no python3)}"
