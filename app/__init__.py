"""LinkFace Desk: a desktop client for the LinkFace liveness-SDK companion cloud API."""

# The one place the version lives: pyproject.toml reads it (tool.setuptools.dynamic), and so do
# the window, the CLI and the release build.
__version__ = "0.1.0"
