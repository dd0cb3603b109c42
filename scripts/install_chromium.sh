#!/bin/sh
# Install Debian's chromium for the browser tests (never a browser downloaded by a test tool).
set -e
if command -v chromium >/dev/null; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "chromium is missing: install Debian's package 'chromium' (apt-get install chromium)" >&2
    exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
