#!/usr/bin/python3
"""Walk .docx files with python-docx the way a python-docx reader would: open each file, read the text of every
body paragraph and of every cell of every top-level table. The baseline for scripts/bench/compare-python-docx.sh.

Usage: python_docx_walk.py <file-or-folder>...   (folders: their *.docx files, sorted, not recursive)

Prints one summary line on stdout: files, paragraphs, cells, characters, seconds (in-process, after imports).

Cells are taken from Table._cells, python-docx's own grid walk (it resolves gridSpan and vMerge exactly as
Table.row_cells / _Row.cells do), computed once per table, and each merged cell is read once. The public
_Row.cells is not used on purpose: in python-docx 0.8.x (Debian bookworm's python3-docx) every _Row.cells call
rebuilds the whole table's cell list, which makes a row-by-row walk quadratic (hours for 20,000 rows). The walk
here is the fastest python-docx can do, so the comparison is conservative for PerfEval.
"""

import os
import sys
import time

import docx


def docx_files(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            for name in sorted(os.listdir(argument)):
                if name.lower().endswith(".docx"):
                    yield os.path.join(argument, name)
        else:
            yield argument


def walk(path):
    document = docx.Document(path)
    paragraphs = cells = characters = 0
    for paragraph in document.paragraphs:
        paragraphs += 1
        characters += len(paragraph.text)
    for table in document.tables:
        seen = set()
        for cell in table._cells:  # pylint: disable=protected-access
            # A merged cell appears once per grid position it covers, as the same _Cell object.
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            cells += 1
            characters += len(cell.text)
    return paragraphs, cells, characters


def main(arguments):
    if not arguments:
        print(__doc__, file=sys.stderr)
        return 2
    started = time.perf_counter()
    files = paragraphs = cells = characters = 0
    for path in docx_files(arguments):
        p, c, n = walk(path)
        files += 1
        paragraphs += p
        cells += c
        characters += n
    elapsed = time.perf_counter() - started
    print(f"files={files} paragraphs={paragraphs} cells={cells} characters={characters} seconds={elapsed:.3f}")
    return 0 if files else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
