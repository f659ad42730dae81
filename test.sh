#!/usr/bin/env bash
# The test command: installs what the tests need (Debian/Ubuntu, apt), starts the services they use,
# runs every test, stops the services, and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

scripts/install-test-deps.sh || { echo "Installing test dependencies failed"; exit 1; }

services_env=$(mktemp)
trap 'scripts/services.sh stop; rm -f "$services_env"' EXIT
scripts/services.sh start "$services_env" || { echo "Starting test services failed"; exit 1; }
set -a; . "$services_env"; set +a
export DOCSERVICE_REQUIRE_SERVICES=1

rm -rf TestResults
dotnet test DocService.sln --configuration Release --logger "trx" --results-directory TestResults "$@"
status=$?

scripts/test-summary.sh TestResults
exit $status
