"""The translations: the gettext catalogs, their lint, how complete each language is, and their update."""
