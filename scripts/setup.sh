#!/usr/bin/env bash
# Installs the Debian packages MKRP Review needs to build, test and run. Idempotent: when
# everything is present it installs nothing and prints nothing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libpoco-dev libpodofo-dev libxml2-dev libstemmer-dev libsodium-dev libkainjow-mustache-dev
  libpq-dev libssl-dev zlib1g-dev
  catch2
  # reference tools the tests and benchmarks compare against
  pandoc poppler-utils zip unzip
  # bench/http: load generator, the load balancer in front of several instances, and the client
  # that signs in and seeds; bench/other-orders.sh tallies its reports with python3
  wrk nginx curl python3
  # the certificate PDF embeds DejaVu Serif and Sans (templates/certificate/layout.xml)
  fonts-dejavu-core
  # the browser test (tests/browser): Chromium driven by playwright-core under Node
  chromium nodejs
)
# Debian's nodejs comes without npm; a nodejs that brings its own npm needs no npm package.
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing packages: ${missing[*]}; run as root or install them first" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser test's one npm package, pinned by tests/browser/package-lock.json; never a browser
# download (Debian's Chromium is used).
browser_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
if [[ ! -d $browser_tests/node_modules/playwright-core ]]; then
  echo "setup: installing the browser test's npm packages in tests/browser"
  (cd "$browser_tests" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
fi
