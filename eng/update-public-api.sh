#!/usr/bin/env bash
# Adds every public symbol the analyzer reports as undeclared (RS0016) to PublicAPI.Unshipped.txt
# and removes the ones it reports as gone (RS0017). Review the diff: it is the API review.
# Usage: eng/update-public-api.sh [project folder under src/, default Creatio.AccessControl]
set -euo pipefail
cd "$(dirname "$0")/../src/${1:-Creatio.AccessControl}"
file=.PublicAPI/PublicAPI.Unshipped.txt
log=$(dotnet build --no-incremental -p:TreatWarningsAsErrors=false 2>&1 || true)
added=$(grep -oP "RS0016: Symbol '\K.*?(?=' is not part of the declared)" <<<"$log" | sort -u || true)
removed=$(grep -oP "RS0017: Symbol '\K.*?(?=' is part of the declared)" <<<"$log" | sort -u || true)
{
  echo '#nullable enable'
  { grep -v '^#nullable' "$file" || true; printf '%s\n' "$added"; } | grep -v '^$' | grep -vxF -f <(printf '%s\n' "${removed:-__none__}") | sort -u
} > "$file.tmp"
mv "$file.tmp" "$file"
echo "added $(grep -c . <<<"$added" || true), removed $(grep -c . <<<"$removed" || true)"
