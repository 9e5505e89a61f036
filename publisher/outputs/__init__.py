"""What the build gives readers besides the pages: the PDF, the Word file, the data, the search index."""
