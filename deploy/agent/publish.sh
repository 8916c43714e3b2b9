#!/usr/bin/env bash
# Publishes supportbot-agent as single-file, self-contained builds (no .NET install needed):
#   artifacts/agent/win-x64/supportbot-agent.exe   (what users run)
#   artifacts/agent/linux-x64/supportbot-agent     (for testing)
# Usage: deploy/agent/publish.sh [rid ...]     (default: win-x64 linux-x64)
set -euo pipefail
cd "$(dirname "$0")/../.."
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(win-x64 linux-x64)
for rid in "${rids[@]}"; do
  out="artifacts/agent/$rid"
  rm -rf "$out"
  dotnet publish src/SupportBot.Agent/SupportBot.Agent.csproj -c Release -r "$rid" --self-contained true \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
    -p:PublishDocumentationFile=false -p:PublishReferencesDocumentationFiles=false -o "$out"
  echo "$out: $(ls "$out" | tr '\n' ' ')"
done
