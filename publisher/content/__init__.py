"""The framework's content: its model, how it is read from the sources, and the rules it obeys.

Standard library only (a test holds this), so that ``nox -s trace`` and the
pre-commit hook check the rules without Sphinx.
"""
