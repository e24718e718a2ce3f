#!/usr/bin/env bash
# The package as users get it: pack Creatio.AccessControl into a temporary feed, create a fresh console app outside the
# repository that takes the package from that feed (its dependencies from the machine's configured NuGet sources), put
# the README's "In five minutes" code into its Program.cs, then build and run it. Any failing step fails the script.
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
rm -rf "${global:?}/creatio.accesscontrol/$version"

step "passed in $((SECONDS - started)) s"
