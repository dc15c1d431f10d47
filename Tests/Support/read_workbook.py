"""Reads an .xlsx workbook with openpyxl, an independent reader, and prints what a spreadsheet user would see
as JSON: for each sheet its title, frozen panes, filter range, column widths, every cell as [type, value,
number format, wrapped] (type: n number, d date, s text, f formula, b boolean, e error, null for an empty
cell), and its charts (kind, grouping, title, series count).

usage: read_workbook.py FILE.xlsx
"""
import datetime
import json
import sys

import openpyxl


def cell(c):
    if c.value is None:
        return None
    value = c.value
    if isinstance(value, datetime.datetime):
        value = value.date().isoformat()
    return [c.data_type, value, c.number_format, bool(c.alignment.wrap_text)]


def chart(ch):
    title = None
    if ch.title is not None and ch.title.tx is not None and ch.title.tx.rich is not None:
        title = "".join(run.t for p in ch.title.tx.rich.p for run in (p.r or []))
    return {"kind": ch.tagname, "grouping": getattr(ch, "grouping", None), "title": title,
            "series": len(ch.series)}


book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([{
    "title": ws.title,
    "freeze": ws.freeze_panes,
    "filter": ws.auto_filter.ref,
    "widths": {k: v.width for k, v in ws.column_dimensions.items()},
    "rows": [[cell(c) for c in row] for row in ws.iter_rows()],
    "charts": [chart(ch) for ch in ws._charts],
} for ws in book.worksheets]))
