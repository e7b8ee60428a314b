#!/usr/bin/env bash
# The whole test run, restore and build included: the servers some tests need (PostgreSQL, Redis: installed from
# Debian's packages when missing and started on ports of their own by scripts/test-servers.sh), every test project of
# Actors.sln, then the two libraries packed into artifacts/packages and smoke-tested by tests/Actors.PackageTests, which
# restores that package as a consumer would.
# Each step runs even when an earlier one fails, so every result is printed; the exit code is the first failure's.
set -uo pipefail
cd "$(dirname "$0")"

status=0
step() {
  "$@"
  local code=$?
  [ "$status" -eq 0 ] && status=$code
}

# The servers are left running for the next run; a test that needs one that did not start fails saying so.
servers=$(scripts/test-servers.sh) && eval "$servers"

step dotnet test -c Release

# The package is packed afresh under its fixed local version and extracted afresh: the smoke test's own packages
# folder drops the previous copy. Its build goes to artifacts/pack, apart from the solution's bin and obj.
rm -rf artifacts/packages artifacts/package-tests/packages/actorthreading artifacts/package-tests/packages/actorthreading.cluster
step dotnet pack src/Actors -c Release --artifacts-path artifacts/pack -o artifacts/packages -p:PackForLocalTests=true
step dotnet pack src/Actors.Cluster -c Release --artifacts-path artifacts/pack -o artifacts/packages -p:PackForLocalTests=true
step dotnet test tests/Actors.PackageTests -c Release

exit "$status"
