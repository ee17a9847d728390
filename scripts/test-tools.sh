#!/usr/bin/env bash
# Installs the Nu Html Checker (vnu.jar, from the npm registry) into .tools/ for the HTML validity tests.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=.tools/node_modules/vnu-jar/build/dist/vnu.jar
if [ -f "$jar" ]; then
  echo "vnu.jar present: $jar"
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed to fetch vnu-jar (apt-get install npm)" >&2; exit 1; }
npm install --prefix .tools --no-audit --no-fund --silent vnu-jar@26.9.27
echo "vnu.jar installed: $jar"
