#!/usr/bin/env bash
# Builds the portal and runs every test: unit tests, then the integration tests against the packaged launcher jar
# (end-to-end over HTTP, and in a real browser). Needs Java 17, Maven and git; installs the browser it drives.
set -euo pipefail
cd "$(dirname "$0")"

# Debian's chromium and its matching chromedriver: the browser tests point Selenium at these two paths, so nothing
# is downloaded at test time. Debian's PostgreSQL server binaries: every store test and PortableMigrationsTest run on
# Derby and on a throwaway PostgreSQL server that core's test kit starts once per test JVM and removes (the service
# the package sets up is not used; RINGPORTAL_TEST_POSTGRES_URL names a running server instead).
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]] || ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    echo "test.sh: chromium, chromium-driver or postgresql is missing, and installing them needs root or sudo." >&2
    exit 1
  fi
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends chromium chromium-driver postgresql
fi

exec mvn -B verify "$@"
