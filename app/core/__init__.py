"""Pure-Python core of LinkFace Desk: the API contract, its client and the rules around it.

Nothing in this package may import Qt; tests/test_layers.py enforces it.
"""
