#!/usr/bin/python3
"""Cut the UI font down to the characters Callwise can show.

Characters: printable ASCII and Latin-1, common punctuation, GB2312 level-1 hanzi (the 3,755
most common simplified characters), and every character found in the scanned folders (content
packs, the UI translation table, app sources), so nothing our own text uses is ever a box.
Writes the subset font and chars.txt (the app builds its glyph ranges from the same list).
Uses fonttools' pyftsubset from Debian (package fonttools).
"""
import argparse
import os
import subprocess
import sys

SCAN_EXT = {".json", ".cpp", ".h", ".txt", ".md"}


def base_chars():
    chars = set(chr(c) for c in range(0x20, 0x7F))
    chars |= set(chr(c) for c in range(0xA0, 0x100))
    chars |= set(chr(c) for c in range(0x2010, 0x2040))       # dashes, quotes, ellipsis
    chars |= set(chr(c) for c in range(0x3000, 0x3020))       # CJK punctuation
    chars |= set(chr(c) for c in range(0xFF01, 0xFF5F))       # full-width forms
    chars |= {"\u00d7", "\u00f7", "\u2192", "\u2190", "\u2191", "\u2193", "\u2022", "\u25cf",
              "\u25cb", "\u2713", "\u2717", "\u26a0", "\u00a5", "\ufffd"}
    # GB2312 level 1: rows 0xB0..0xD7, cells 0xA1..0xFE (row 0xD7 ends at 0xF9).
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            if hi == 0xD7 and lo > 0xF9:
                break
            chars.add(bytes([hi, lo]).decode("gb2312"))
    # GB2312 symbol rows (punctuation and full-width) used in Chinese text.
    for hi in (0xA1, 0xA3):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def scanned_chars(folders):
    chars = set()
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if os.path.splitext(name)[1] not in SCAN_EXT:
                    continue
                with open(os.path.join(root, name), encoding="utf-8", errors="ignore") as f:
                    chars |= {c for c in f.read() if ord(c) >= 0x80}
    return chars


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--font", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--chars-out", required=True)
    ap.add_argument("--scan", action="append", default=[])
    args = ap.parse_args()
    # Control and private-use characters never belong in the atlas.
    chars = {c for c in base_chars() | scanned_chars(args.scan)
             if ord(c) >= 0x20 and not (0xE000 <= ord(c) <= 0xF8FF) and not (0xD800 <= ord(c) <= 0xDFFF)}
    text = "".join(sorted(chars))
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.chars_out, "w", encoding="utf-8") as f:
        f.write(text)
    cmd = ["pyftsubset", args.font, "--font-number=0", "--text-file=" + args.chars_out,
           "--output-file=" + args.out, "--layout-features=", "--no-hinting",
           "--desubroutinize", "--name-IDs=*", "--notdef-outline"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        return r.returncode
    print(f"font subset: {len(chars)} characters, {os.path.getsize(args.out)} bytes -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
