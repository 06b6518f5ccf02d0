"""The sandbox: a loopback HTTP server implementing the vendor's five calls with made-up people.

Start it with ``app.sandbox.server.Sandbox``; see README.md in this folder. May import app.core,
never Qt.
"""
