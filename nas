#!/usr/bin/env bash
# NasFunctions CLI on one machine. Installs Azurite and Fashion-MNIST if missing, builds on first use (and after
# source changes), then runs: ./nas search [spec.json] | ./nas status <id> | ./nas serve [--port N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export NAS_HOME="${NAS_HOME:-$root/.nas}"
bin="$NAS_HOME/bin"
"$root/build/setup.sh"
stale="$(find "$root/src" "$root/Directory.Build.props" "$root/Directory.Build.targets" "$root/Directory.Packages.props" \
  -newer "$bin/nas.dll" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' -o -name '*.targets' \) \
  -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null || true)"
if [ ! -f "$bin/nas.dll" ] || [ -n "$stale" ]; then
  echo "nas: building (first use or sources changed)..." >&2
  dotnet build "$root/src/NasFunctions.Local/NasFunctions.Local.csproj" -c Release -o "$bin" --nologo -v quiet -clp:ErrorsOnly >&2
fi
exec dotnet "$bin/nas.dll" "$@"
