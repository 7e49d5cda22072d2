#!/usr/bin/env bash
# Starts Kasify's embedded default: one silo on SQLite (data under .kasify/) and the API on http://localhost:8080.
# Ctrl-C stops both; data is kept between runs.
# With KASIFY_FAKES=1 (or --with-fakes) it also starts the fake vendors for trying smart locks without hardware: the
# Nuki Web API fake on http://127.0.0.1:18081 (API token nuki-demo-token, three demo locks) and the UniFi Access fake on
# https://127.0.0.1:12445 (token unifi-fake-token, a fresh self-signed certificate whose fingerprint is printed), and
# points the silo at the Nuki fake with a one-minute lock status refresh. It also starts the SES.HOSPEDAJES fake on
# http://127.0.0.1:18083 (user B12345678WS, password Kasify-Demo-2025, arrendador 0000123456; lots stay "in process"
# for 5 seconds) and points every SES integration, test or production, at it. It also starts the channel calendar fake
# on http://127.0.0.1:18084, serving iCal feeds shaped like Airbnb's and Booking.com's exports (demo feeds
# /feeds/demo-airbnb.ics and /feeds/demo-booking.ics, dated from today; admin API under /fake/feeds). Their logs go to
# .kasify/nuki-fake.log, unifi-fake.log, ses-fake.log and channel-fake.log; their state is in memory and starts afresh
# with every run.
set -euo pipefail
cd "$(dirname "$0")"
root="$PWD"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

with_fakes=0
case "${KASIFY_FAKES:-0}" in 1 | true | yes) with_fakes=1 ;; esac
for arg in "$@"; do
  if [[ "$arg" == --with-fakes ]]; then with_fakes=1; fi
done
nuki_fake_url=http://127.0.0.1:18081
unifi_fake_url=https://127.0.0.1:12445
ses_fake_url=http://127.0.0.1:18083
channel_fake_url=http://127.0.0.1:18084

echo "Building Kasify..."
dotnet build Kasify.Silo/Kasify.Silo.csproj -c Release -v quiet -nologo
dotnet build Kasify.Api/Kasify.Api.csproj -c Release -v quiet -nologo
if ((with_fakes)); then
  dotnet build tests/Kasify.Fakes.Nuki/Kasify.Fakes.Nuki.csproj -c Release -v quiet -nologo
  dotnet build tests/Kasify.Fakes.UniFi/Kasify.Fakes.UniFi.csproj -c Release -v quiet -nologo
  dotnet build tests/Kasify.Fakes.Ses/Kasify.Fakes.Ses.csproj -c Release -v quiet -nologo
  dotnet build tests/Kasify.Fakes.Channels/Kasify.Fakes.Channels.csproj -c Release -v quiet -nologo
fi

# Everything under .kasify (database, key file, mail, cover images, logs) is for this user alone.
umask 077
mkdir -p "$root/.kasify"
chmod 700 "$root/.kasify"
export Kasify__Storage__Mode="${Kasify__Storage__Mode:-Sqlite}"
export Kasify__Storage__SqlitePath="${Kasify__Storage__SqlitePath:-$root/.kasify/kasify.db}"
export Kasify__Storage__CoverImagesPath="${Kasify__Storage__CoverImagesPath:-$root/.kasify/cover-images}"
# Without an SMTP host (Kasify__Email__Host) invitation emails are written to .kasify/mail/ as .eml files.
export Kasify__Email__PickupDirectory="${Kasify__Email__PickupDirectory:-$root/.kasify/mail}"
api_url="${KASIFY_URLS:-http://localhost:8080}"
export Kasify__Email__AcceptUrlBase="${Kasify__Email__AcceptUrlBase:-${api_url%%;*}}"
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

if ((with_fakes)); then
  (cd tests/Kasify.Fakes.Nuki/bin/Release/net10.0 \
    && exec dotnet Kasify.Fakes.Nuki.dll --urls "$nuki_fake_url" --NukiFake:DemoToken=nuki-demo-token) >"$root/.kasify/nuki-fake.log" 2>&1 &
  pids+=($!)
  (cd tests/Kasify.Fakes.UniFi/bin/Release/net10.0 && exec dotnet Kasify.Fakes.UniFi.dll --urls "$unifi_fake_url") >"$root/.kasify/unifi-fake.log" 2>&1 &
  pids+=($!)
  (cd tests/Kasify.Fakes.Ses/bin/Release/net10.0 \
    && exec dotnet Kasify.Fakes.Ses.dll --urls "$ses_fake_url" --SesFake:ProcessingDelayMs=5000) >"$root/.kasify/ses-fake.log" 2>&1 &
  pids+=($!)
  (cd tests/Kasify.Fakes.Channels/bin/Release/net10.0 \
    && exec dotnet Kasify.Fakes.Channels.dll --urls "$channel_fake_url" --ChannelFake:Demo=true) >"$root/.kasify/channel-fake.log" 2>&1 &
  pids+=($!)
  # The silo calls the Nuki fake and reads lock status every minute (the shortest reminder period) instead of every
  # five. Code work needs no shorter reminders: lock grains place, confirm and expire codes on grain timers.
  export Kasify__Nuki__BaseUrl="${Kasify__Nuki__BaseUrl:-$nuki_fake_url}"
  export Kasify__Locks__StatusRefreshPeriod="${Kasify__Locks__StatusRefreshPeriod:-00:01:00}"
  export Kasify__Ses__EndpointUrl="${Kasify__Ses__EndpointUrl:-$ses_fake_url/hospedajes-web/ws/v1/comunicacion}"
  # A UniFi console URL is user-chosen, and the silo calls such URLs on loopback only when allowed: the fake is on 127.0.0.1.
  export Kasify__Outbound__AllowLoopback="${Kasify__Outbound__AllowLoopback:-true}"

  # The UniFi fake prints its certificate fingerprint once it listens; a UniFi integration pins it.
  for _ in $(seq 1 60); do
    grep -q 'fingerprint' "$root/.kasify/unifi-fake.log" 2>/dev/null && break
    sleep 0.5
  done
  echo "Fake Nuki Web API on $nuki_fake_url: API token nuki-demo-token, locks 18000000001-18000000003 (state: $nuki_fake_url/fake/state)"
  echo "Fake UniFi Access API on $unifi_fake_url:"
  sed 's/^/  /' "$root/.kasify/unifi-fake.log"
  echo "Fake SES.HOSPEDAJES on $ses_fake_url: user B12345678WS, password Kasify-Demo-2025, arrendador 0000123456 (lots in process for 5 s)"
  echo "Fake channel calendars on $channel_fake_url: $channel_fake_url/feeds/demo-airbnb.ics and $channel_fake_url/feeds/demo-booking.ics (feeds: $channel_fake_url/fake/feeds)"
fi

# Each host runs from its output folder so it finds its appsettings.json.
(cd Kasify.Silo/bin/Release/net10.0 && exec dotnet Kasify.Silo.dll) &
pids+=($!)
(cd Kasify.Api/bin/Release/net10.0 && exec dotnet Kasify.Api.dll --urls "${KASIFY_URLS:-http://localhost:8080}") &
pids+=($!)

echo "Kasify is starting: API on ${KASIFY_URLS:-http://localhost:8080} (docs at /docs), data in .kasify/. Ctrl-C stops it."
# Exit (and stop the other host) as soon as either host ends.
wait -n "${pids[@]}"
