"""Report formats: text, json, junit, html, letter (and the HTML thumbnails).

Each module turns reports into text (``letter.to_pdf`` into PDF bytes); none
of them prints. Identifiers are masked the same way everywhere: every format
is built on ``json.report_dict`` or its masking helpers.
"""
