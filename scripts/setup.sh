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
  # bench/http: load generator and the load balancer in front of several instances
  wrk nginx
  # the certificate PDF embeds DejaVu Serif and Sans (templates/certificate/layout.xml)
  fonts-dejavu-core
)

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
