#!/usr/bin/env bash
# The packages as users get them: pack Creatio.AccessControl into a temporary feed, create a fresh console app outside the
# repository that takes the package from that feed (its dependencies from the machine's configured NuGet sources), put
# the README's "In five minutes" code into its Program.cs, then build and run it. Then pack Creatio.AccessControl.AspNetCore
# (checking its README, symbols and SourceLink), add it to a fresh `dotnet new web` app with the code and policy file of
# docs/aspnetcore.md's "Five minutes", build it, start it on a free local port, ask it a few questions with curl and stop
# it. Any failing step fails the script.
#
# SMOKE_NO_BUILD=1 packs the Release build already in bin/ (as .ci/run does right after building the solution).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { echo "package smoke test: $*"; }
started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/creatio-ac-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
app="$work/SmokeApp"

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Creatio.AccessControl/Creatio.AccessControl.csproj | head -n 1)
if [ -z "$version" ]; then
  echo "package smoke test: FAILED: no <Version> in src/Creatio.AccessControl/Creatio.AccessControl.csproj"
  exit 1
fi

step "packing Creatio.AccessControl $version into $feed"
pack_args=(-c Release -o "$feed" -v quiet)
if [ "${SMOKE_NO_BUILD:-0}" = 1 ]; then pack_args+=(--no-build); fi
dotnet pack src/Creatio.AccessControl "${pack_args[@]}"
test -f "$feed/Creatio.AccessControl.$version.nupkg"

step "extracting the first csharp block under \"In five minutes\" from README.md"
mkdir -p "$app"
awk '
  /^## / { inside = ($0 ~ /^## In five minutes[[:space:]]*$/) }
  inside && !code && /^```csharp[[:space:]]*$/ { code = 1; next }
  code && /^```[[:space:]]*$/ { exit }
  code { print }
' README.md > "$app/Program.cs"
if [ ! -s "$app/Program.cs" ]; then
  echo "package smoke test: FAILED: README.md has no \`\`\`csharp block under \"## In five minutes\""
  exit 1
fi

step "creating a console app in $app with a nuget.config that adds the feed"
cat > "$app/SmokeApp.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
</Project>
XML
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="creatio-accesscontrol-smoke" value="$feed" />
  </packageSources>
</configuration>
XML
# A package of the same id and version restored before would be taken from the global packages folder instead of the feed.
global=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')
rm -rf "${global:?}/creatio.accesscontrol/$version"

step "dotnet add package Creatio.AccessControl --version $version"
(cd "$app" && dotnet add package Creatio.AccessControl --version "$version" > "$work/add-package.log") || { cat "$work/add-package.log"; exit 1; }

step "building and running the README quick start against the package"
(cd "$app" && dotnet build -c Release -v quiet -nologo > "$work/build.log") || { cat "$work/build.log"; exit 1; }
(cd "$app" && dotnet run -c Release --no-build)

web_version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Creatio.AccessControl.AspNetCore/Creatio.AccessControl.AspNetCore.csproj | head -n 1)
web="$work/SmokeWeb"
web_package="$feed/Creatio.AccessControl.AspNetCore.$web_version.nupkg"
step "packing Creatio.AccessControl.AspNetCore $web_version into $feed"
dotnet pack src/Creatio.AccessControl.AspNetCore "${pack_args[@]}"
test -f "$web_package"
test -f "$feed/Creatio.AccessControl.AspNetCore.$web_version.snupkg"
unzip -l "$web_package" > "$work/web-package.txt"
for entry in README.md lib/net8.0/Creatio.AccessControl.AspNetCore.dll lib/net10.0/Creatio.AccessControl.AspNetCore.dll; do
  grep -q " $entry\$" "$work/web-package.txt" || { echo "package smoke test: FAILED: $entry is not in the package"; exit 1; }
done
unzip -p "$web_package" Creatio.AccessControl.AspNetCore.nuspec | grep -q '<repository type="git" url="[^"]*"[^>]* commit="[0-9a-f]\{40\}"' \
  || { echo "package smoke test: FAILED: the package names no repository commit (SourceLink)"; exit 1; }

step "creating a web app in $web with dotnet new web"
dotnet new web -o "$web" -n SmokeWeb --no-update-check > "$work/new-web.log" || { cat "$work/new-web.log"; exit 1; }
cp "$app/nuget.config" "$web/nuget.config"
rm -rf "${global:?}/creatio.accesscontrol.aspnetcore/$web_version"

step "extracting the csharp and json blocks under \"Five minutes\" from docs/aspnetcore.md"
block() {
  awk -v lang="$1" '
    /^## / { inside = ($0 ~ /^## Five minutes[[:space:]]*$/) }
    inside && !code && $0 ~ "^```" lang "[[:space:]]*$" { code = 1; next }
    code && /^```[[:space:]]*$/ { exit }
    code { print }
  ' docs/aspnetcore.md
}
block csharp > "$web/Program.cs"
block json > "$web/access-policy.json"
if [ ! -s "$web/Program.cs" ] || [ ! -s "$web/access-policy.json" ]; then
  echo "package smoke test: FAILED: docs/aspnetcore.md has no \`\`\`csharp and \`\`\`json blocks under \"## Five minutes\""
  exit 1
fi

step "dotnet add package Creatio.AccessControl.AspNetCore --version $web_version"
(cd "$web" && dotnet add package Creatio.AccessControl.AspNetCore --version "$web_version" > "$work/add-web-package.log") \
  || { cat "$work/add-web-package.log"; exit 1; }

step "building the web app and running it on a free local port"
(cd "$web" && dotnet build -c Release -v quiet -nologo > "$work/build-web.log") || { cat "$work/build-web.log"; exit 1; }
(cd "$web" && exec dotnet bin/Release/net10.0/SmokeWeb.dll --urls http://127.0.0.1:0 > "$work/web.log" 2>&1) &
web_pid=$!
trap 'kill "$web_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 120); do
  url=$(sed -n 's/.*Now listening on: \(http:[^ ]*\).*/\1/p' "$work/web.log" | head -n 1)
  if [ -n "$url" ] || ! kill -0 "$web_pid" 2>/dev/null; then break; fi
  sleep 0.5
done
if [ -z "$url" ]; then
  echo "package smoke test: FAILED: the web app did not start"; cat "$work/web.log"; exit 1
fi

expect() { # expect STATUS CURL-ARGS... : the request answers STATUS; its body is left in $work/body
  local status actual
  status=$1; shift
  actual=$(curl -s -o "$work/body" -w '%{http_code}' "$@")
  if [ "$actual" != "$status" ]; then
    echo "package smoke test: FAILED: curl $* answered $actual, expected $status"; cat "$work/body"; echo; cat "$work/web.log"; exit 1
  fi
  echo "package smoke test:   $status curl $*"
}
expect 200 "$url/health"
grep -q Healthy "$work/body"
expect 401 "$url/opportunities"
expect 200 -c "$work/bob" "$url/sign-in/00000000-0000-4000-8000-0000000a0002"
expect 200 -b "$work/bob" "$url/opportunities"
grep -q 'Fleet renewal' "$work/body" && ! grep -q 'Data center move' "$work/body" && ! grep -qi margin "$work/body" \
  || { echo "package smoke test: FAILED: Bob's list is $(cat "$work/body")"; exit 1; }
expect 403 -b "$work/bob" -X POST "$url/opportunities"
expect 200 -c "$work/ann" "$url/sign-in/00000000-0000-4000-8000-0000000a0001"
expect 201 -b "$work/ann" -X POST "$url/opportunities"
expect 200 -b "$work/ann" "$url/opportunities"
grep -q 'Data center move' "$work/body" && grep -qi margin "$work/body" \
  || { echo "package smoke test: FAILED: Ann's list is $(cat "$work/body")"; exit 1; }
kill "$web_pid"
wait "$web_pid" 2>/dev/null || true
rm -rf "${global:?}/creatio.accesscontrol/$version" "${global:?}/creatio.accesscontrol.aspnetcore/$web_version"

step "passed in $((SECONDS - started)) s"
