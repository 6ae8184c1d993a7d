#!/bin/sh
# Installs Attendant's ticket panel into Request Tracker 5 (integrations/request-tracker/README.md).
# Run it as root on the RT host; running it again with the same settings changes nothing, with new
# settings it replaces them. It copies the panel's Mason callback into RT's local component root,
# writes the three settings to RT_SiteConfig.d (readable by root and RT's web group only), clears
# Mason's compiled cache so RT picks the callback up, and tells you to restart RT.
#
# Settings, as options or environment variables (environment keeps the secret out of `ps`):
#   --url URL              ATTENDANT_URL                 Attendant's public address, e.g. https://attendant.example.com
#   --integration-id ID    ATTENDANT_INTEGRATION_ID      the embedding integration's id (a UUID)
#   --secret SECRET        ATTENDANT_INTEGRATION_SECRET  its secret, exactly as Attendant showed it
# Give all three, or none to install only the panel (it stays hidden from agents until they are set).
#
# Where RT lives (Debian's request-tracker5 by default):
#   --local-html DIR   RT's local Mason component root  (/usr/local/share/request-tracker5/html)
#   --config-dir DIR   RT's RT_SiteConfig.d              (/etc/request-tracker5/RT_SiteConfig.d)
#   --mason-cache DIR  RT's Mason data directory         (/var/cache/request-tracker5/mason_data)
#   --web-group GROUP  the group RT's web server runs as (www-data)
set -eu

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
url=${ATTENDANT_URL-}
integration_id=${ATTENDANT_INTEGRATION_ID-}
secret=${ATTENDANT_INTEGRATION_SECRET-}
local_html=/usr/local/share/request-tracker5/html
config_dir=/etc/request-tracker5/RT_SiteConfig.d
mason_cache=/var/cache/request-tracker5/mason_data
web_group=www-data

fail() {
  echo "install.sh: $*" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || fail "$1 needs a value (see the options at the top of $0)"
  case $1 in
    --url) url=$2 ;;
    --integration-id) integration_id=$2 ;;
    --secret) secret=$2 ;;
    --local-html) local_html=$2 ;;
    --config-dir) config_dir=$2 ;;
    --mason-cache) mason_cache=$2 ;;
    --web-group) web_group=$2 ;;
    *) fail "unknown option $1 (see the options at the top of $0)" ;;
  esac
  shift 2
done

given=0
for value in "$url" "$integration_id" "$secret"; do
  [ -n "$value" ] && given=$((given + 1))
done
if [ "$given" -ne 0 ] && [ "$given" -ne 3 ]; then
  fail "give all three settings (--url, --integration-id, --secret) or none; $given of 3 given"
fi
if [ "$given" -eq 3 ]; then
  # The values go into single-quoted Perl strings, so each is held to characters that need no quoting.
  printf '%s' "$url" | grep -Eqx 'https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?' ||
    fail "--url must be Attendant's address like https://attendant.example.com (http or https, no query); got '$url'"
  printf '%s' "$integration_id" | grep -Eqx '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}' ||
    fail "--integration-id must be the integration's id as Attendant shows it, a UUID like 0b7c…-…; got '$integration_id'"
  printf '%s' "$secret" | grep -Eqx '[A-Za-z0-9_-]{43}' ||
    fail "--secret must be the integration's secret exactly as Attendant showed it (43 characters of A-Z a-z 0-9 _ -); rotate it in Attendant if it is lost"
fi
getent group "$web_group" >/dev/null || fail "--web-group '$web_group' is not a group on this machine"
[ -d "$config_dir" ] || fail "--config-dir '$config_dir' does not exist: is RT installed here?"

callback=Callbacks/Attendant/Ticket/Elements/ShowSummary/RightColumnTop
install -d -m 0755 "$local_html/$(dirname "$callback")"
install -m 0644 "$here/html/$callback" "$local_html/$callback"
echo "Installed the panel: $local_html/$callback"

config="$config_dir/70-attendant.pm"
if [ "$given" -eq 3 ]; then
  written=$(mktemp "$config_dir/.70-attendant.XXXXXX")
  trap 'rm -f "$written"' EXIT
  cat >"$written" <<PERL
# Attendant's ticket panel, written by integrations/request-tracker/install.sh: run it again to change.
Set(\$AttendantURL, '$url');
Set(\$AttendantIntegrationId, '$integration_id');
Set(\$AttendantIntegrationSecret, '$secret');

# RT shows every setting to superusers on its System Configuration page; this keeps the secret off it.
RT->Config->AddOption(
    Name      => 'AttendantIntegrationSecret',
    Section   => 'Attendant',
    Immutable => 1,
    Obfuscate => sub {
        my (\$config, \$value, \$user) = @_;
        return \$user->loc('Password not printed');
    },
);
1;
PERL
  chown "root:$web_group" "$written"
  chmod 0640 "$written"
  mv -f "$written" "$config"
  trap - EXIT
  echo "Wrote the settings: $config (owner root, group $web_group, mode 0640)"
elif [ -f "$config" ]; then
  echo "Kept the settings in $config"
else
  echo "No settings given: the panel stays hidden from agents (superusers see a hint) until you run this again with them."
fi

if [ -d "$mason_cache/obj" ]; then
  find "$mason_cache/obj" -mindepth 1 -delete
  echo "Cleared Mason's compiled cache: $mason_cache/obj"
fi
echo "Now restart RT so it reads the settings (e.g. systemctl restart apache2, or your rt-server service)."
