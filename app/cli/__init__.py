"""The command line: a thin shell over app.core and app.sandbox."""
