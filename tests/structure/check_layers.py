#!/usr/bin/env python3
"""The include graph of src/ (docs/architecture.md, "Layers"): every folder may include only
folders below it in LAYERS, so the graph has no cycle and no stage reaches a stage above it.
Exits 1 naming each include that breaks the rule."""
import pathlib
import re
import sys

# Lowest first. A folder may include itself and any folder before it.
LAYERS = ["text", "diag", "model", "markdown", "load", "link", "diff", "compare", "cache", "render", "write", "site", "serve", "cli"]

src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "src")
include = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/', re.M)
broken = []
folders = sorted(p.name for p in src.iterdir() if p.is_dir())
unknown = [f for f in folders if f not in LAYERS]
for folder in unknown:
    broken.append(f"src/{folder}/ is not in the layer list: add it to LAYERS and to docs/architecture.md")
for path in sorted(src.rglob("*")):
    if path.suffix not in (".h", ".cpp") or path.parent == src:
        continue
    folder = path.relative_to(src).parts[0]
    if folder not in LAYERS:
        continue
    for target in include.findall(path.read_text(encoding="utf-8")):
        if target not in LAYERS:
            broken.append(f"{path}: includes {target}/, which is not a folder of src/")
        elif LAYERS.index(target) > LAYERS.index(folder):
            broken.append(f"{path}: {folder}/ includes {target}/, a layer above it")
for line in broken:
    print(line)
print(f"include layers: {len(broken)} problem(s) in {len(folders)} folders")
sys.exit(1 if broken else 0)
