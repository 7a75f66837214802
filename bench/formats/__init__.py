"""Fixture makers for the import formats: a text (a seed or a real text) set the
way publishers set it, as a gazette PDF (reportlab with Debian's Noto CJK faces),
a Word file (python-docx, Word's own numbering, merged cells and a footnote),
a saved government web page with its metadata table, and the text in GB18030
and UTF-16.

    .venv/bin/python -m bench.formats OUT_DIR [TEXT…]     (default: the five seeds)

tests/test_formats.py and bench.score_formats make them the same way; they are
never committed (build/ holds them).
"""
