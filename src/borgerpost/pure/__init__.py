"""The pure modules: borgerpost's rules as plain Python, with no Django and no app.

The working-day calendar (`workdays`), the dispatch rules for vulnerable citizens
(`dispatch`), the answer-path suggestion (`triage`), readability (`lix`), mail parsing
(`mailparse`), text cleaning and Danish plurals (`text`) and the sensitive-data scanner
(`scanner`). They run and are tested without a database or settings;
`tests/test_pure_modules.py` imports every module here in a fresh interpreter and fails
if Django or an app comes with it.
"""
