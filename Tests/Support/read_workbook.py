"""Reads an .xlsx workbook with openpyxl, an independent reader, and prints what a spreadsheet user would see
as JSON: for each sheet its title, frozen panes, filter range, column widths, row heights, print settings,
every cell as [type, value, number format, wrapped] (type: n number, d date, s text, f formula, b boolean,
e error, null for an empty cell), and its charts (kind, grouping, title, each series' name, the categories'
kind and cached texts); chart sheets have a title and charts only.

Text is decoded as Excel and LibreOffice decode it (`_xHHHH_` is the character U+HHHH, ECMA-376 ST_Xstring),
which openpyxl leaves undone in the inline text libxlsxwriter writes.

usage: read_workbook.py FILE.xlsx
"""
import datetime
import json
import re
import sys

import openpyxl


def decoded(text):
    return re.sub("_x([0-9A-Fa-f]{4})_", lambda match: chr(int(match.group(1), 16)), text)


def cell(c):
    if c.value is None:
        return None
    value = c.value
    if isinstance(value, datetime.datetime):
        value = value.date().isoformat()
    if isinstance(value, str):
        value = decoded(value)
    return [c.data_type, value, c.number_format, bool(c.alignment.wrap_text)]


def categories(series):
    if series.cat is None:
        return None
    if series.cat.strRef is not None:
        cache = series.cat.strRef.strCache
        return {"kind": "text", "ref": series.cat.strRef.f, "cached": [p.v for p in cache.pt] if cache else []}
    return {"kind": "number", "ref": series.cat.numRef.f if series.cat.numRef else None, "cached": []}


def chart(ch):
    title = None
    if ch.title is not None and ch.title.tx is not None and ch.title.tx.rich is not None:
        title = "".join(run.t for p in ch.title.tx.rich.p for run in (p.r or []))
    return {"kind": ch.tagname, "grouping": getattr(ch, "grouping", None), "title": title,
            "series": len(ch.series), "names": [s.tx.v if s.tx is not None else None for s in ch.series],
            "values": [s.val.numRef.f for s in ch.series],
            "categories": categories(ch.series[0]) if ch.series else None,
            "legend": ch.legend.position if ch.legend is not None else None}


def worksheet(ws):
    return {
        "title": ws.title,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "widths": {k: v.width for k, v in ws.column_dimensions.items()},
        "heights": {str(k): v.height for k, v in ws.row_dimensions.items() if v.height is not None},
        "print": {"landscape": ws.page_setup.orientation == "landscape",
                  "fitWidth": ws.page_setup.fitToWidth if ws.sheet_properties.pageSetUpPr.fitToPage else None,
                  "titleRows": ws.print_title_rows, "titleColumns": ws.print_title_cols},
        "rows": [[cell(c) for c in row] for row in ws.iter_rows()],
        "charts": [chart(ch) for ch in ws._charts],
    }


book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([worksheet(sheet) if sheet in book.worksheets
                  else {"title": sheet.title, "charts": [chart(ch) for ch in sheet._charts]}
                  for sheet in book._sheets]))
