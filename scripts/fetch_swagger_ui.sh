#!/usr/bin/env bash
# Fetch the Swagger UI files that `dateline serve` shows its API docs with (/docs), so that the docs
# work offline and load nothing from a CDN. Reproduces src/dateline/serve/swagger/.
#
#   scripts/fetch_swagger_ui.sh [VERSION]     (default: the version in swagger/VERSION)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/src/dateline/serve/swagger"
version="${1:-$(cat "$dest/VERSION" 2>/dev/null || echo 5.36.0)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm install --silent --no-audit --no-fund --ignore-scripts "swagger-ui-dist@$version" >/dev/null)
dist="$work/node_modules/swagger-ui-dist"
mkdir -p "$dest"
cp "$dist/swagger-ui-bundle.js" "$dist/swagger-ui.css" "$dist/favicon-32x32.png" "$dest/"
cp "$dist/LICENSE" "$dest/LICENSE"
[ -f "$dist/NOTICE" ] && cp "$dist/NOTICE" "$dest/NOTICE"
# The bundle's source map comment points at a file we do not ship: drop it.
sed -i '/^\/\/# sourceMappingURL=/d' "$dest/swagger-ui-bundle.js"
sed -i 's|/\*# sourceMappingURL=[^*]*\*/||' "$dest/swagger-ui.css"
echo "$version" > "$dest/VERSION"
echo "swagger-ui-dist $version -> $dest"
