#!/usr/bin/env bash
# Lints and compiles every Bicep file under infra/ (and the parameters file) with the project's Bicep compiler; any warning
# fails the check. The ARM JSON lands in artifacts/infra/ (the tests compile their own copy).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/infra"
rm -rf "$out" && mkdir -p "$out"
cd "$root"
bicep=build/bicep.sh
files="$(find infra -type f \( -name '*.bicep' -o -name '*.bicepparam' \) | sort)"
[ -n "$files" ] || { echo "infra check: no Bicep files under infra/" >&2; exit 1; }
failed=0
run() {
  local report
  if ! report="$("$bicep" "$@" 2>&1)" || [ -n "$report" ]; then
    echo "bicep $*:" >&2
    echo "${report:-(failed without output)}" | sed 's/^/  /' >&2
    failed=1
  fi
}
run lint --pattern 'infra/**/*.bicep'
run build --pattern 'infra/**/*.bicep' --outdir "$out"
for params in $(grep '\.bicepparam$' <<<"$files"); do
  run lint "$params"
  run build-params "$params" --outfile "$out/$(basename "${params%.bicepparam}").parameters.json"
done
[ "$failed" = 0 ] || exit 1
echo "infra check: bicep lint and build passed with no warnings on $(wc -l <<<"$files") files"
