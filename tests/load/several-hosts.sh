#!/usr/bin/env bash
# The several-hosts load run of docs/SCALING.md: about 1M events posted through the HTTP API, once to one `ltv serve`
# and once spread over three while the host running the read models is killed with kill -9 twice; then the read
# models are compared with the one-host store's and top X with the domain's fold of the file. Prints the figures;
# the whole test log is in the file it names.
#   tests/load/several-hosts.sh [CUSTOMERS]     # default 108000 customers, about 1M records; takes about 30 minutes
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export LTV_LOAD_CUSTOMERS="${1:-108000}"
log="$(mktemp /tmp/ltv-several-hosts.XXXXXX.log)"
dotnet test tests/Ltv.Host.Tests --filter "FullyQualifiedName~SeveralHostsLoadTests" --logger "console;verbosity=detailed" >"$log" 2>&1
status=$?
grep -E "^ (.*records of|ingest through|takeover|caught up|ltv serve)" "$log"
grep -E -A12 "Error Message" "$log" | head -40
echo "log: $log"
exit $status
