#!/bin/sh
# What a user of an installed tsheet tries first, run by scripts/package-test inside a minimal Debian root:
#   package-checks.sh BIN MANPATH BASH_COMPLETION [COMMIT]
set -eu
bin=$1 manpath=$2 completion=$3 commit=${4:-}
fail() { echo "package check failed: $*" >&2; exit 1; }

"$bin" --version | grep -q "commit $commit" || fail "tsheet --version does not name commit $commit"
"$bin" demo > /tmp/demo.out 2>&1 || { cat /tmp/demo.out; fail "tsheet demo failed"; }
grep -q "Best regards" /tmp/demo.out || fail "tsheet demo wrote no email"
MANPATH=$manpath man -P cat tsheet-log 2>/dev/null | grep -q "Record an activity" || fail "man tsheet-log"
MANPATH=$manpath man -P cat tsheet 2>/dev/null | grep -q "tsheet-week" || fail "man tsheet lists no subcommand pages"
# bash completes a subcommand through the function the installed script registers, as bash calls it
words=$(bash -c ". '$completion'; PATH=\"$(dirname "$bin"):\$PATH\"; f=\$(complete -p tsheet | sed 's/.*-F \\([^ ]*\\) .*/\\1/')
                 COMP_WORDS=(tsheet wee); COMP_CWORD=1; COMP_LINE='tsheet wee'; COMP_POINT=10
                 \$f tsheet wee tsheet 2>/dev/null; printf '%s\\n' \"\${COMPREPLY[@]}\"")
echo "$words" | grep -qx "week" || fail "bash completion of 'tsheet wee' gave: $words"
# libxlsxwriter, loaded on first use, is there: a workbook is written
"$bin" log "Packaged" 1h -c acme --db /tmp/check.db > /dev/null || fail "tsheet log"
"$bin" export --format xlsx -o /tmp/check.xlsx --db /tmp/check.db 2> /tmp/xlsx.err || fail "export xlsx: $(cat /tmp/xlsx.err)"
[ "$(head -c 2 /tmp/check.xlsx)" = PK ] || fail "the workbook is not a zip file"
# libcurl, loaded on first use, is there: an OAuth2 endpoint where nothing listens gets libcurl's own words
printf '[oauth2]\nprovider = "local"\nclient_id = "id"\nscopes = ["mail"]\nauthorize_url = "http://127.0.0.1:9/a"\ntoken_url = "http://127.0.0.1:9/t"\ndevice_url = "http://127.0.0.1:9/d"\n' > /tmp/oauth.toml
TSHEET_CONFIG=/tmp/oauth.toml XDG_STATE_HOME=/tmp/state "$bin" mail login --device 2> /tmp/login.err && fail "mail login reached a closed port"
grep -q "Couldn't connect to server" /tmp/login.err || fail "libcurl did not load: $(cat /tmp/login.err)"
# tsheet serve starts tsheet-serve from beside tsheet: it prints its address, serves, and stops on SIGINT
"$bin" serve --port 0 --db /tmp/check.db > /tmp/serve.out 2> /tmp/serve.err &
server=$!
for _ in $(seq 100); do grep -q "sign-in?token=" /tmp/serve.out && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' /tmp/serve.out)
[ -n "$port" ] || { kill "$server"; fail "tsheet serve printed no address: $(cat /tmp/serve.out /tmp/serve.err)"; }
status=$(bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET /style.css HTTP/1.1\r\nHost: 127.0.0.1:$port\r\nConnection: close\r\n\r\n' >&3 && head -n 1 <&3")
kill -INT "$server" && wait "$server" || fail "tsheet serve did not stop cleanly on SIGINT"
case $status in "HTTP/1.1 200"*) ;; *) fail "tsheet serve answered: $status" ;; esac
grep -q "tsheet serve stopped" /tmp/serve.out || fail "tsheet serve did not say it stopped"
echo "ok: $bin (version, demo, man tsheet-log, bash completion, libxlsxwriter, libcurl, serve)"
