#!/usr/bin/env python3
"""Writes the licences of every crate built into the Windows program (THIRD-PARTY-LICENSES.txt).

Usage: third_party_licenses.py TARGET OUT.txt
Reads `cargo metadata` for TARGET, walks the normal and build dependencies from madoguchi (no
dev-dependencies: they are not in the program), and writes, for each crate, its name, version,
licence expression and repository, followed by the licence texts the crate ships (LICENSE*,
COPYING*, NOTICE*), each distinct text once with the crates it belongs to.
"""
import hashlib
import json
import pathlib
import subprocess
import sys

target, out = sys.argv[1], pathlib.Path(sys.argv[2])
meta = json.loads(subprocess.check_output(
    ["cargo", "metadata", "--locked", "--format-version", "1", "--filter-platform", target,
     "--features", "console"]))
packages = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
root = meta["resolve"]["root"]

seen, todo = set(), [root]
while todo:
    node = nodes[todo.pop()]
    for dep in node["deps"]:
        kinds = {k["kind"] for k in dep["dep_kinds"]}
        if (kinds & {None, "build"}) and dep["pkg"] not in seen:
            seen.add(dep["pkg"])
            todo.append(dep["pkg"])

crates = sorted((packages[i] for i in seen), key=lambda p: (p["name"], p["version"]))
texts = {}  # digest -> (text, [crate names])
lines = ["Third-party software in madoguchi (Windows build)", "=" * 48, ""]
for p in crates:
    lines.append(f'{p["name"]} {p["version"]}: {p.get("license") or "(see licence file)"}'
                 + (f'  {p["repository"]}' if p.get("repository") else ""))
    folder = pathlib.Path(p["manifest_path"]).parent
    for f in sorted(folder.iterdir()):
        if f.is_file() and f.name.upper().startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE")):
            text = f.read_text(encoding="utf-8", errors="replace").strip()
            digest = hashlib.sha256(text.encode()).hexdigest()
            texts.setdefault(digest, (text, []))[1].append(f'{p["name"]} {p["version"]}')
lines += ["", f"{len(crates)} crates. Their licence texts follow, each once.", ""]
for text, owners in texts.values():
    lines += ["-" * 72, "Used by: " + ", ".join(owners), "-" * 72, text, ""]
out.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
print(f"{out}: {len(crates)} crates, {len(texts)} distinct licence texts")
