"""Reads a PDF as pdftotext (poppler) lays it out, and prints it as JSON: a list of pages, each a list of
lines, each line a list of words as [text, xMin, yMin, xMax, yMax] in points from the page's top left corner.

usage: read_pdf.py FILE.pdf
"""
import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

xhtml = subprocess.run(["pdftotext", "-bbox-layout", sys.argv[1], "-"], check=True, capture_output=True).stdout
namespace = {"x": "http://www.w3.org/1999/xhtml"}
pages = []
for page in ElementTree.fromstring(xhtml).iter("{http://www.w3.org/1999/xhtml}page"):
    pages.append([[[word.text or "", *(float(word.get(edge)) for edge in ("xMin", "yMin", "xMax", "yMax"))]
                   for word in line.findall("x:word", namespace)]
                  for line in page.iter("{http://www.w3.org/1999/xhtml}line")])
print(json.dumps(pages))
