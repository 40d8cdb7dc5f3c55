#!/usr/bin/env bash
# The viewer on the hostile sizes (run benches/sizes.sh first to make the inputs): time until
# the list shows, time until the article view shows after jumping to the last event, and the
# peak resident set of the whole session. Needs tmux.
#   benches/tui_sizes.sh big60.txt run20.txt line20.txt files10k
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${CARGO_TARGET_DIR:-target}"
BIN="$TARGET/release/tarikh"
DIR="$TARGET/hostile-sizes"
SOCK="$DIR/tmux.sock"
now() { date +%s.%N; }
wait_for() { # wait_for TEXT: poll the pane until TEXT shows (60 s at most)
    local i
    for ((i = 0; i < 1200; i++)); do
        tmux -S "$SOCK" capture-pane -p -t v | grep -qF -- "$1" && return 0
        sleep 0.05
    done
    echo "timed out waiting for $1" >&2; return 1
}
for name in "$@"; do
    args=("$DIR/$name")
    [ "$name" = files10k ] && args=("$DIR/files10k")
    rm -f "$DIR/tui-$name.time"
    t0=$(now)
    tmux -S "$SOCK" -f /dev/null new-session -d -s v -x 120 -y 40 \
        /usr/bin/time -v -o "$DIR/tui-$name.time" "$BIN" --anchor 2022-01-06 "${args[@]}"
    wait_for " Events 1/"; t1=$(now)
    tmux -S "$SOCK" send-keys -t v G; sleep 0.5  # to the last event (far into the text)
    t1b=$(now); tmux -S "$SOCK" send-keys -t v Enter; wait_for "· sentence "; t2=$(now)
    tmux -S "$SOCK" send-keys -t v j j j q q
    while [ ! -s "$DIR/tui-$name.time" ]; do sleep 0.1; done
    tmux -S "$SOCK" kill-server 2>/dev/null || true
    rss=$(grep 'Maximum resident set size' "$DIR/tui-$name.time" | awk '{print $NF}')
    printf '%-10s list %.2f s  article %.2f s  peak RSS %d MiB\n' "$name" \
        "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1b" | bc)" $(( rss / 1024 ))
done
