"""The one catalogue: what core's ids stand for, in the reader's language, for the window and the CLI.

Core raises and returns stable ids with parameters (a rule, a code, a kind); these functions turn
them into words through Qt's translations of ``resources/translations/linkface_<lang>.ts``, the same
file the window's own ``tr()`` strings are in. ``build_scripts/i18n.py --check`` fails on a string
without a translation; ``tests/test_catalogue.py`` fails on an id without words.
"""
