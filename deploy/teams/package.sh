#!/usr/bin/env bash
# Builds the Teams app package: deploy/teams/package.sh <botAppId> [version]
# Fills ${BOT_APP_ID} (the Azure Bot's Microsoft App ID, also used as the Teams app id) and ${APP_VERSION}
# into manifest.json and zips it with the two icons into deploy/teams/out/supportbot-teams-<version>.zip.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id="${1:-}"
version="${2:-1.0.0}"
if [[ ! "$app_id" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]]; then
  echo "usage: $0 <botAppId (GUID)> [version, default 1.0.0]" >&2
  exit 2
fi
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "version must look like 1.2.3 (bump it on every manifest change)" >&2
  exit 2
fi
out="$here/out"
stage="$out/stage"
rm -rf "$stage" && mkdir -p "$stage"
sed -e "s/\${BOT_APP_ID}/$app_id/g" -e "s/\${APP_VERSION}/$version/g" "$here/manifest.json" > "$stage/manifest.json"
cp "$here/color.png" "$here/outline.png" "$stage/"
zip_path="$out/supportbot-teams-$version.zip"
rm -f "$zip_path"
if command -v zip >/dev/null 2>&1; then
  (cd "$stage" && zip -q -X "$zip_path" manifest.json color.png outline.png)
else
  python3 - "$stage" "$zip_path" <<'PY'
import sys, zipfile, os
stage, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(os.path.join(stage, name), name)
PY
fi
echo "$zip_path"
