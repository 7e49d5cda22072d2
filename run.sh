#!/usr/bin/env bash
# Starts Kasify's embedded default: one silo on SQLite (data under .kasify/) and the API on http://localhost:8080.
# Ctrl-C stops both; data is kept between runs.
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "Building Kasify..."
dotnet build Kasify.Silo/Kasify.Silo.csproj -c Release -v quiet -nologo
dotnet build Kasify.Api/Kasify.Api.csproj -c Release -v quiet -nologo

mkdir -p "$root/.kasify"
export Kasify__Storage__Mode="${Kasify__Storage__Mode:-Sqlite}"
export Kasify__Storage__SqlitePath="${Kasify__Storage__SqlitePath:-$root/.kasify/kasify.db}"
export Kasify__Storage__CoverImagesPath="${Kasify__Storage__CoverImagesPath:-$root/.kasify/cover-images}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_ENVIRONMENT="$ASPNETCORE_ENVIRONMENT"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping Kasify..."
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

# Each host runs from its output folder so it finds its appsettings.json.
(cd Kasify.Silo/bin/Release/net10.0 && exec dotnet Kasify.Silo.dll) &
pids+=($!)
(cd Kasify.Api/bin/Release/net10.0 && exec dotnet Kasify.Api.dll --urls "${KASIFY_URLS:-http://localhost:8080}") &
pids+=($!)

echo "Kasify is starting: API on ${KASIFY_URLS:-http://localhost:8080} (docs at /docs), data in .kasify/. Ctrl-C stops it."
# Exit (and stop the other host) as soon as either host ends.
wait -n "${pids[@]}"
