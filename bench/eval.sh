#!/bin/sh
# Extraction quality: the dev-set scorer, then end-to-end geoparsing on TR-News and GeoWebNews.
# Usage: bench/eval.sh [LIMIT]   (LIMIT articles per geoparsing corpus; 0 = all)
set -u
cd "$(dirname "$0")/.." || exit 2
LIMIT=${1:-0}
CMD=".venv/bin/geobrief extract {text} --format json"
echo "== dev set (../shared/eval/dev)"
.venv/bin/python ../shared/eval/score.py --set ../shared/eval/dev --cmd "$CMD" | tail -9
for corpus in trnews gwn; do
  echo "== geoparsing: $corpus"
  .venv/bin/python ../shared/eval/geoparse_score.py --corpus "$corpus" --limit "$LIMIT" --jobs 4 --cmd "$CMD" | tail -4
done
