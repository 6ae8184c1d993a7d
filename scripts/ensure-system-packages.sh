#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real: PostgreSQL (scale-out and
# database tests) and Chromium (end-to-end tests). Playwright's own browser download cannot
# work on our machines, so we use Debian's build. Runs before `npm test`, so the README's test
# command works on a fresh machine by itself; it does nothing when everything is present.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
# Japanese glyphs on screenshots of the localised pages.
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing system packages the tests need: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo -n apt-get)
else
  echo "Cannot install ${missing[*]}: run as root or install them with your package manager." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
