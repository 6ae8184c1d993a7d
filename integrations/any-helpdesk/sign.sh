#!/usr/bin/env bash
# Prints the address that opens Attendant's ticket widget for one agent and one ticket, signed
# with an embedding integration's secret (the HMAC assertion of docs/embedding.md). Needs only
# bash and openssl. It does the same as sign.ts beside it; the two agree byte for byte.
#
#   ATTENDANT_URL=https://attendant.example.com ATTENDANT_INTEGRATION_ID=<id> \
#   ATTENDANT_INTEGRATION_SECRET=<secret> ./sign.sh --agent agent@example.com \
#   --ticket-id 42 --title "Printer on fire" [--ticket-url URL] [--requester-name NAME] \
#   [--requester-email EMAIL] [--theme light|dark] [--lang en|de|ja] [--ttl SECONDS] \
#   [--issued-at UNIX_SECONDS] [--nonce ID]
set -euo pipefail

fail() {
  echo "sign.sh: $1" >&2
  exit 2
}

agent="" ticket_id="" title="" ticket_url="" requester_name="" requester_email=""
theme="" lang="" ttl=120 issued_at="" nonce=""
has_ticket_url=0 has_requester_name=0 has_requester_email=0
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || fail "$1 needs a value."
  case "$1" in
    --agent) agent=$2 ;;
    --ticket-id) ticket_id=$2 ;;
    --title) title=$2 ;;
    --ticket-url) ticket_url=$2 has_ticket_url=1 ;;
    --requester-name) requester_name=$2 has_requester_name=1 ;;
    --requester-email) requester_email=$2 has_requester_email=1 ;;
    --theme) theme=$2 ;;
    --lang) lang=$2 ;;
    --ttl) ttl=$2 ;;
    --issued-at) issued_at=$2 ;;
    --nonce) nonce=$2 ;;
    *) fail "unknown option $1." ;;
  esac
  shift 2
done
[ -n "$agent" ] && [ -n "$ticket_id" ] && [ -n "$title" ] || fail "--agent, --ticket-id and --title are required."

url_pattern='^https?://[^[:space:]/?#]+(/[^[:space:]?#]*)?$'
base=${ATTENDANT_URL:-}
[[ $base =~ $url_pattern ]] ||
  fail "ATTENDANT_URL must be an http(s) address without query or fragment, e.g. https://attendant.example.com."
while [[ $base == */ ]]; do base=${base%/}; done
integration_id=${ATTENDANT_INTEGRATION_ID:-}
[[ $integration_id =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]] ||
  fail "ATTENDANT_INTEGRATION_ID must be the integration's id, a UUID."
secret=${ATTENDANT_INTEGRATION_SECRET:-}
[[ $secret =~ ^[A-Za-z0-9_-]{43}$ ]] ||
  fail "ATTENDANT_INTEGRATION_SECRET must be the secret exactly as Attendant showed it: 43 base64url characters."
[[ $ttl =~ ^[0-9]+$ ]] && [ "$ttl" -ge 1 ] && [ "$ttl" -le 300 ] || fail "--ttl must be a whole number of seconds, 1–300."
[ -n "$issued_at" ] || issued_at=$(date +%s)
[[ $issued_at =~ ^[0-9]+$ ]] || fail "--issued-at must be Unix seconds."
[ -n "$nonce" ] || nonce=$(openssl rand -base64 24 | tr '+/' '-_' | tr -d '=\n')
[[ $nonce =~ ^[A-Za-z0-9_-]{16,128}$ ]] || fail "--nonce must be 16–128 characters of A-Z a-z 0-9 _ -."
[[ $agent =~ ^[^[:space:]@]+@[^[:space:]@]+$ ]] || fail "--agent must be the agent's e-mail address."
[ -z "$theme" ] || [ "$theme" = light ] || [ "$theme" = dark ] || fail "--theme must be light or dark."
[ -z "$lang" ] || [ "$lang" = en ] || [ "$lang" = de ] || [ "$lang" = ja ] || fail "--lang must be en, de or ja."

# A JSON string. Control characters are refused rather than escaped, so this needs no jq and
# gives the same bytes as JSON.stringify in sign.ts.
json_string() {
  local value=$1 option=$2
  [ -n "$value" ] || fail "$option must not be empty."
  if [[ $value == *$'\n'* ]] || LC_ALL=C grep -q '[[:cntrl:]]' <<<"$value"; then
    fail "$option must not contain control characters (tabs, line breaks)."
  fi
  value=${value//\\/\\\\}
  value=${value//\"/\\\"}
  printf '"%s"' "$value"
}

base64url() {
  openssl base64 -A | tr '+/' '-_' | tr -d '='
}

ticket_json="{\"id\":$(json_string "$ticket_id" --ticket-id),\"title\":$(json_string "$title" --title)"
if [ "$has_ticket_url" = 1 ]; then
  [[ $ticket_url =~ $url_pattern ]] || fail "--ticket-url must be an http(s) address without query or fragment, e.g. https://attendant.example.com."
  while [[ $ticket_url == */ ]]; do ticket_url=${ticket_url%/}; done
  ticket_json+=",\"url\":$(json_string "$ticket_url" --ticket-url)"
fi
[ "$has_requester_name" = 0 ] || ticket_json+=",\"requester_name\":$(json_string "$requester_name" --requester-name)"
[ "$has_requester_email" = 0 ] || ticket_json+=",\"requester_email\":$(json_string "$requester_email" --requester-email)"
ticket_json+="}"

claims="{\"iss\":\"$integration_id\",\"aud\":\"attendant-embed\",\"iat\":$issued_at,\"exp\":$((issued_at + ttl))"
claims+=",\"jti\":\"$nonce\",\"agent_email\":$(json_string "$agent" --agent),\"ticket\":$ticket_json"
[ -z "$theme" ] || claims+=",\"theme\":\"$theme\""
[ -z "$lang" ] || claims+=",\"lang\":\"$lang\""
claims+="}"

signing_input="$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | base64url).$(printf '%s' "$claims" | base64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -mac HMAC -macopt "key:$secret" -binary | base64url)
printf '%s/embed/ticket?assertion=%s.%s\n' "$base" "$signing_input" "$signature"
