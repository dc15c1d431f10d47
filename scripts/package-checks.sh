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
echo "ok: $bin (version, demo, man tsheet-log, bash completion, libxlsxwriter, libcurl)"
