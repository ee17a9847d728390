#!/usr/bin/env bash
# Times the back office on this machine: login (argon2id), list, editor, preview, publish, image upload.
# Starts its own server on 127.0.0.1 with a temporary data folder; bounded: a fixed number of requests.
#   bench/back-office.sh [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-20}"
data="$(mktemp -d)"; jar="$data/cookies"; port=18765; base="http://127.0.0.1:$port"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT

printf '%s\n' 'bench-password-1' | "$here/gazette" user add bench --role editor --data "$data" >/dev/null 2>&1
"$here/gazette" serve --data "$data" --port "$port" --set server.host=127.0.0.1 >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.3; done

token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { awk '{printf "%.1f\n", $1 * 1000}'; }

log_in() {
  local login_token
  login_token="$(curl -s -c "$jar" "$base/admin/login" | token)"
  curl -s -o /dev/null -b "$jar" -c "$jar" -w '%{time_total}\n' --data-urlencode "_csrf=$login_token" \
    --data-urlencode username=bench --data-urlencode password=bench-password-1 "$base/admin/login"
}
t_login="$(for _ in $(seq 1 5); do log_in; done | ms | median)"
csrf="$(curl -s -b "$jar" "$base/admin/password" | token)"
section="$(curl -s -b "$jar" "$base/admin/articles/new" | grep -o '<option value="[0-9]*"' | head -1 | grep -o '[0-9]*')"
author="$(curl -s -b "$jar" "$base/admin/articles/new" | grep -o 'name="authors" value="[0-9]*"' | head -1 | grep -o '[0-9]*$')"

time_get() { for _ in $(seq 1 "$rounds"); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$base$1"; done | ms | median; }
t_list="$(time_get /admin/articles)"
t_editor="$(time_get /admin/articles/new)"
t_preview="$(for _ in $(seq 1 "$rounds"); do curl -s -o /dev/null -b "$jar" -H "X-CSRF-Token: $csrf" -w '%{time_total}\n' \
  --data-urlencode 'body=Some **bold** text and a [link](https://example.org).' "$base/admin/preview"; done | ms | median)"
t_publish="$(for i in $(seq 1 "$rounds"); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' --data-urlencode "_csrf=$csrf" \
  --data-urlencode "headline=Bench article $i" --data-urlencode "body=Body $i" --data-urlencode "section=$section" \
  --data-urlencode byline=staff --data-urlencode "authors=$author" --data-urlencode language=en \
  --data-urlencode action=publish "$base/admin/articles"; done | ms | median)"
java "$here/bench/MakeJpeg.java" "$data/photo.jpg" 2000 1125
t_upload="$(for _ in $(seq 1 5); do curl -s -o /dev/null -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Accept: application/json' \
  -w '%{time_total}\n' -F "file=@$data/photo.jpg;type=image/jpeg" "$base/admin/media"; done | ms | median)"

echo "login (argon2id check + new session), median of 5: ${t_login} ms"
echo "article list, median of $rounds:        ${t_list} ms"
echo "new-article editor, median of $rounds:  ${t_editor} ms"
echo "live preview, median of $rounds:        ${t_preview} ms"
echo "publish from the editor, median of $rounds: ${t_publish} ms"
echo "upload 2000x1125 JPEG, median of 5:    ${t_upload} ms ($(stat -c %s "$data/photo.jpg") bytes)"
