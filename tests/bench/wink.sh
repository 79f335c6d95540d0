#!/usr/bin/env bash
# tests/bench/wink.sh -- the wink-nlp comparison for `make bench`: installs
# wink-nlp and wink-eng-lite-web-model with npm into a cache folder outside
# the project tree (once), then runs tests/bench/wink.js on the corpus sift's
# full-extraction figure uses, printing its line
#
#   wink-nlp 58.9 MB 21.04 s 2.80 MB/s
#
# usage: tests/bench/wink.sh [CORPUS]   (default $CORPUS, else corpus/large)
#
# When node or npm is missing, node is older than 16 or the install fails, it
# prints one line saying the comparison was skipped and why, and exits 0. A
# failure of wink.js itself exits 1. The cache folder is
# $SIFT_BENCH_CACHE/wink (default ${XDG_CACHE_HOME:-$HOME/.cache}/sift-bench);
# delete it to reinstall.
set -u
cd "$(dirname "$0")/../.."
CORPUS=${1:-${CORPUS:-corpus/large}}
dir=${SIFT_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sift-bench}/wink

skip() { echo "wink-nlp: comparison skipped ($*)"; exit 0; }

command -v node >/dev/null 2>&1 || skip "node not found"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || skip "node does not run"
[ "$major" -ge 16 ] 2>/dev/null || skip "node $(node --version) is older than 16"

if [ ! -f "$dir/node_modules/wink-nlp/package.json" ] ||
   [ ! -f "$dir/node_modules/wink-eng-lite-web-model/package.json" ]; then
    command -v npm >/dev/null 2>&1 || skip "npm not found"
    mkdir -p "$dir" 2>/dev/null || skip "cannot create '$dir'"
    echo "wink-nlp: installing wink-nlp and wink-eng-lite-web-model into $dir" >&2
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
        --fetch-retries=1 --fetch-timeout=60000 \
        wink-nlp wink-eng-lite-web-model >"$dir/install.log" 2>&1 ||
        skip "npm install failed, see $dir/install.log"
fi

NODE_PATH="$dir/node_modules" exec node tests/bench/wink.js "$CORPUS"
