"""One module per task page; ``base.CheckPage`` holds what they share (running, cancel, clearing)."""
