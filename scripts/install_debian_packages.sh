#!/bin/sh
# Install what the build and the tests need from Debian, when it is missing: chromium for the
# browser tests (never a browser downloaded by a test tool), DejaVu fonts for the preview cards and
# reply.pdf, Pango for WeasyPrint (reply.pdf). Needs root and apt-get; says what to install otherwise.
set -e
packages=""
command -v chromium >/dev/null || packages="$packages chromium"
for font in DejaVuSans.ttf DejaVuSans-Bold.ttf DejaVuSerif.ttf; do
    fc-list 2>/dev/null | grep -q "/$font:" || { packages="$packages fonts-dejavu-core"; break; }
done
fc-list 2>/dev/null | grep -q "DejaVuSerif-Italic.ttf" || packages="$packages fonts-dejavu-extra"
ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || packages="$packages libpango-1.0-0 libpangoft2-1.0-0"
[ -n "$packages" ] || exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "missing Debian packages:$packages (install them with apt-get)" >&2
    exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
