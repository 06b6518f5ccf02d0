"""The operator window (PySide6): pages, shared widgets, translations and the self-test.

Sits on top of app.core (and app.runtime for calls); nothing below imports it. Widgets never
send HTTP or touch storage themselves: every call goes through ``app.runtime.CallService`` on a
worker thread (see ``worker.py``).
"""
