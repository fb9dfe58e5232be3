"""Readers: text of one format in, a Document out. A reader never imports a writer."""
