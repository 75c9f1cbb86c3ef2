"""Public methods per class in presenter/ (issue 21: no class over ~25), largest first.

    python tools/method_counts.py [--top N] [--over LIMIT]

A public method is a `def` in the class body whose name does not start with "_" (properties included,
inherited ones not: a mixin counts where it is defined)."""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "presenter"


def counts(root: Path = ROOT, private: bool = False) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                public = [
                    item.name
                    for item in node.body
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                    and (private or not item.name.startswith("_"))
                ]
                found.append((len(public), f"{path.relative_to(root.parent).as_posix()}:{node.name}"))
    return sorted(found, reverse=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--all", action="store_true", help="count the private methods too")
    parser.add_argument("--root", type=Path, default=ROOT, help="the presenter package to count")
    parser.add_argument("--over", type=int, default=None, help="exit 1 when a class has more than this many")
    args = parser.parse_args()
    rows = counts(args.root, args.all)
    for number, name in rows[: args.top]:
        print(f"{number:4d}  {name}")
    if args.over is not None and rows and rows[0][0] > args.over:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
