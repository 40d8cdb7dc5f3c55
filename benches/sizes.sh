#!/usr/bin/env bash
# Hostile sizes: peak memory and time of `tarikh extract` (release build) on very large inputs.
#
#   benches/sizes.sh            generate the inputs into $TARGET/hostile-sizes/ and measure
#
# Inputs (the bundled sample plus benches/extra_sentences.txt, repeated):
#   big60.txt     a 60 MB article with its usual lines and sentences
#   line20.txt    a single 20 MB line (the same text, line ends turned into spaces)
#   run20.txt     a single 20 MB "sentence": no line end and no full stop at all
#   files10k/     10,000 articles (the sample, 10,000 times) given as one directory
#   and the same 10,000 files given as 10,000 paths on the command line.
# Each run prints the elapsed wall time and the peak resident set (GNU time's -v).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet
BIN="$TARGET/release/tarikh"
DIR="$TARGET/hostile-sizes"
mkdir -p "$DIR"

repeat_to() { # repeat_to BYTES OUT: the corpus text repeated until at least BYTES
    local want=$1 out=$2 unit="$DIR/unit.txt"
    cat data/sample.txt benches/extra_sentences.txt > "$unit"
    : > "$out.tmp"
    local n=$(( want / $(stat -c %s "$unit") + 1 )) i
    for ((i = 0; i < n; i++)); do cat "$unit"; done > "$out.tmp"
    head -c "$want" "$out.tmp" | iconv -c -f UTF-8 -t UTF-8 > "$out"
    rm -f "$out.tmp"
}

[ -s "$DIR/big60.txt" ] || repeat_to 60000000 "$DIR/big60.txt"
[ -s "$DIR/line20.txt" ] || { repeat_to 20000000 "$DIR/line20.tmp";
    tr '\r\n' '  ' < "$DIR/line20.tmp" > "$DIR/line20.txt"; rm "$DIR/line20.tmp"; }
[ -s "$DIR/run20.txt" ] || tr '\r\n.!?' '     ' < "$DIR/line20.txt" \
    | sed 's/[؟؛…«»“”"]/ /g' > "$DIR/run20.txt"
if [ ! -d "$DIR/files10k" ]; then
    mkdir -p "$DIR/files10k"
    for i in $(seq -w 1 10000); do cp data/sample.txt "$DIR/files10k/a$i.txt"; done
fi

measure() { # measure NAME ARGS...
    local name=$1; shift
    local log="$DIR/$name.time"
    /usr/bin/time -v "$BIN" extract --anchor 2022-01-06 "$@" > "$DIR/$name.out" 2> "$log"
    local wall rss
    wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
    printf '%-28s wall %-8s peak RSS %6d MiB  output %5d MiB  %d events\n' "$name" "$wall" \
        $(( rss / 1024 )) $(( $(stat -c %s "$DIR/$name.out") / 1048576 )) \
        "$(grep -o "\"label\":" "$DIR/$name.out" | wc -l)"
}

echo "inputs: $(du -b "$DIR/big60.txt" "$DIR/line20.txt" "$DIR/run20.txt" | awk '{printf "%s %d; ", $2, $1}')"
measure big60 "$DIR/big60.txt"
measure big60-jsonl --format jsonl "$DIR/big60.txt"
measure line20 "$DIR/line20.txt"
measure run20 "$DIR/run20.txt"
measure files10k-dir "$DIR/files10k"
# shellcheck disable=SC2046
measure files10k-paths $(ls -d "$DIR"/files10k/*.txt)
