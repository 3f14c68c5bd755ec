"""Review tools: check annotation files and compare predictions with the gold set.

- `loading`: read a JSON Lines file, every `problems.Problem` located, the rest loaded.
- `validate`: the contract's rules across records (order, overlap, anchors).
- `matching`, `agreement`: how items are paired and when two values agree.
- `evaluate`, `semeval`: the figures; `report_text` and `tables` print them.
- `diff`, `diff_text`, `html`: what differs, for a reviewer's eyes;
  `sentences` and `formatting` serve them, `ranking` and `html_claims` the page.
- `show`, `show_text`: predictions alone, as a page or on the terminal.
- `html_page`, `highlight`, `spanish`: what the pages share (the shell and
  its policy, marked text, numbers written the Spanish way).
"""
