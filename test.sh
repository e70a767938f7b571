#!/usr/bin/env bash
# Runs every test on a fresh machine: installs Azurite and Fashion-MNIST if missing, builds, checks the Functions
# app's publish output and its container definitions, lints and compiles infra/ (Bicep, no warnings allowed), then runs
# the whole solution's tests. Ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
build/setup.sh
dotnet build NasFunctions.sln --nologo -v quiet -clp:ErrorsOnly
build/check-functions-app.sh
build/check-container-images.sh
build/check-infra.sh
log="$(mktemp)"
status=0
dotnet test NasFunctions.sln --no-build --nologo 2>&1 | tee "$log" || status=$?
awk '/^(Passed|Failed)!/ {
  for (i = 1; i <= NF; i++) {
    if ($i == "Failed:") f += $(i + 1) + 0; if ($i == "Passed:") p += $(i + 1) + 0; if ($i == "Skipped:") s += $(i + 1) + 0
  }
} END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
