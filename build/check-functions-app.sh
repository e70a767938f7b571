#!/usr/bin/env bash
# Publishes the Functions app and checks that functions.metadata lists every HTTP, orchestrator and activity function.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/functionapp"
rm -rf "$out"
dotnet publish "$root/src/NasFunctions.FunctionApp/NasFunctions.FunctionApp.csproj" -c Release -o "$out" --nologo -v quiet -clp:ErrorsOnly
node - "$out" <<'JS'
const fs = require('fs');
const path = require('path');
const out = process.argv[2];
const metadata = JSON.parse(fs.readFileSync(path.join(out, 'functions.metadata'), 'utf8'));
const expected = {
  CreateSearch: 'httpTrigger', ListSearches: 'httpTrigger', GetSearch: 'httpTrigger', ListTrials: 'httpTrigger',
  GetTrialWeights: 'httpTrigger', SearchOrchestrator: 'orchestrationTrigger', ProposeCandidates: 'activityTrigger',
  TrainCandidate: 'activityTrigger', StopTrial: 'activityTrigger', UpdateController: 'activityTrigger', FinishSearch: 'activityTrigger',
  CancelSearch: 'httpTrigger', ResumeSearch: 'httpTrigger',
};
const problems = [];
for (const [name, trigger] of Object.entries(expected)) {
  const fn = metadata.find(f => f.name === name);
  if (!fn) { problems.push(`${name} is missing`); continue; }
  const types = (fn.bindings || []).map(b => (typeof b === 'string' ? JSON.parse(b) : b).type);
  if (!types.includes(trigger)) problems.push(`${name} has no ${trigger} binding (has ${types.join(', ')})`);
}
for (const file of ['host.json', 'extensions.json', 'libLibTorchSharp.so']) {
  if (!fs.existsSync(path.join(out, file)) && !fs.existsSync(path.join(out, '.azurefunctions', file))) problems.push(`${file} is not in the publish folder`);
}
if (problems.length) { console.error('functions app check failed:\n  ' + problems.join('\n  ')); process.exit(1); }
console.log(`functions app check: ${metadata.length} functions in functions.metadata, all ${Object.keys(expected).length} expected present`);
JS
