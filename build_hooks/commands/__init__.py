"""The command line's commands, one module each, and the problem output formats (``formats``)."""
