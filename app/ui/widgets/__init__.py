"""Reusable pieces of the pages: banner, copy fields, source fields, scales, motion strip, trail."""
