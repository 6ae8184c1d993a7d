#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real: PostgreSQL (scale-out and
# database tests), Chromium (end-to-end tests), zip and unzip (the Zendesk app's package) and Request Tracker 5 with SQLite (the helpdesk
# that write-back is tested against). Playwright's own browser download cannot
# work on our machines, so we use Debian's build. Runs before `npm test`, so the README's test
# command works on a fresh machine by itself; it does nothing when everything is present.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
# The Zendesk app's package (npm run build:integrations) and its test, which lists it.
command -v zip >/dev/null 2>&1 || missing+=(zip)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
# Japanese glyphs on screenshots of the localised pages.
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
# The tests copy the SQLite database RT's installer creates (scripts/support/request-tracker.ts).
rt_database=/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb
if [ ! -x /usr/share/request-tracker5/libexec/rt-server ] || [ ! -f "$rt_database" ]; then
  missing+=(request-tracker5 rt5-standalone rt5-db-sqlite dbconfig-sqlite3 dma)
fi

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
# RT's installer asks questions: answer them beforehand. The web address is only the installed
# default; the tests run each RT with a configuration of their own on a free port.
if [[ " ${missing[*]} " == *" request-tracker5 "* ]]; then
  if [ "$(id -u)" -eq 0 ]; then debconf=(debconf-set-selections); else debconf=(sudo -n debconf-set-selections); fi
  "${debconf[@]}" <<'ANSWERS'
request-tracker5 request-tracker5/rtname string attendant-test
request-tracker5 request-tracker5/organization string attendant.invalid
request-tracker5 request-tracker5/correspondaddress string rt@localhost
request-tracker5 request-tracker5/commentaddress string rt-comment@localhost
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:8080
request-tracker5 request-tracker5/webpath string
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/initial-root-password password attendant-rt-root
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/db/basepath string /var/lib/dbconfig-common/sqlite3/request-tracker5
request-tracker5 request-tracker5/db/dbname string rtdb
ANSWERS
fi
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
