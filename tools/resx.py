#!/usr/bin/env python3
"""Writes a .resx pair (Chinese default + English) from a TSV of key, zh, en.

usage: tools/resx.py strings.tsv LiveOps.Dashboard/Resources/Name
"""
import sys
from xml.sax.saxutils import escape

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def write(path, rows, col):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEAD)
        for r in rows:
            f.write(f'  <data name="{escape(r[0])}" xml:space="preserve"><value>{escape(r[col])}</value></data>\n')
        f.write('</root>\n')

rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8') if l.strip() and not l.startswith('#')]
for r in rows:
    if len(r) != 3:
        sys.exit(f'bad row: {r}')
write(sys.argv[2] + '.resx', rows, 1)
write(sys.argv[2] + '.en.resx', rows, 2)
