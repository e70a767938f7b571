#!/usr/bin/env bash
# Runs the Bicep compiler from the NuGet package Azure.Bicep.CommandLine.linux-x64 (restored by build/bicep/BicepCompiler.csproj
# into the NuGet cache on first use): build/bicep.sh build infra/main.bicep --stdout, build/bicep.sh lint FILE, ...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version=0.49.2
project="$root/build/bicep/BicepCompiler.csproj"
assets="$root/build/bicep/obj/project.assets.json"
locate() {
  [ -f "$assets" ] || return 1
  # The NuGet cache this project was restored into (NUGET_PACKAGES or the user's default), from the restore's own record.
  local folder
  folder="$(sed -n '/"packageFolders"/,/}/{s/^ *"\([^"]*\)": {}.*$/\1/p}' "$assets" | head -n 1)"
  bicep="${folder%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  [ -f "$bicep" ]
}
if ! locate; then
  dotnet restore "$project" --nologo -v quiet >&2
  locate || { echo "bicep: the compiler is not in the NuGet cache after restoring $project" >&2; exit 1; }
fi
[ -x "$bicep" ] || chmod u+x "$bicep"
exec "$bicep" "$@"
