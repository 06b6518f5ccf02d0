"""LinkFace Desk: a desktop client for the LinkFace liveness-SDK companion cloud API."""

from importlib import metadata

try:
    __version__ = metadata.version("linkface-desk")
except metadata.PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"
