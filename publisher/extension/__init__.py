"""The Sphinx side: read the items, refuse what the text must not carry, lay out every page."""
