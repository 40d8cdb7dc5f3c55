#!/usr/bin/env python3
"""Writes target/stream-N.jsonl: N short articles as {"id","text","anchor"} lines, the same
rotation of the sample's paragraphs and benches/extra_sentences.txt that benches/stream.rs uses.
Usage: python3 benches/stream_input.py 10000 50000"""
import json
import sys

pieces = [
    line
    for line in open("data/sample.txt", encoding="utf-8").read().splitlines()
    + open("benches/extra_sentences.txt", encoding="utf-8").read().splitlines()
    if line.strip()
]
for n in map(int, sys.argv[1:]):
    with open(f"target/stream-{n}.jsonl", "w", encoding="utf-8") as f:
        for i in range(n):
            text = "\n".join(pieces[(i * 7 + k * 3) % len(pieces)] for k in range(6))
            f.write(json.dumps({"id": f"d{i}", "text": text, "anchor": "2022-01-06"}, ensure_ascii=False) + "\n")
