"""Fixture makers for the import formats: a text (a seed or a real text) set the
way publishers set it, as a gazette PDF (reportlab with Debian's Noto CJK faces),
a Word file (python-docx, Word's own numbering, merged cells and a footnote),
government web pages with their metadata table (web.py), and the bad files people
have (bad.py).

tests/test_readers.py and bench.score_formats (which also writes the text in
GB18030 and UTF-16) make them; they are never committed (build/ holds them).
"""
