#!/usr/bin/env python3
"""Gives every anonymous person in a generated corpus a unique made-up name (see
benches/serve_reload.sh for why). Usage: unique_anonymous.py SITE_DIR"""
import os, re, sys
root = sys.argv[1]
def code(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(97 + r) + s
    return s
n = 0
name_re = re.compile(r'^(\s*(?:- )?)name: ".*"$')
for sub in ("stories", "nominations"):
    d = os.path.join(root, "content", sub)
    for f in sorted(os.listdir(d)):
        p = os.path.join(d, f)
        lines = open(p, encoding="utf-8").read().split("\n")
        last = None
        changed = False
        for k, line in enumerate(lines):
            if line == "---" and k > 0:
                break
            m = name_re.match(line)
            if m:
                last = (k, m.group(1))
            elif line.strip() == "anonymous: true" and last:
                c = code(n); n += 1
                lines[last[0]] = f'{last[1]}name: "Qzanon{c.capitalize()} Qzkept{c}"'
                last = None
                changed = True
        if changed:
            open(p, "w", encoding="utf-8").write("\n".join(lines))
print(f"renamed {n} anonymous people")
