"""Organisations, people and hardware: catalogues, artefact table, context rules."""

from pipeline.names.recognizer import NameFinder, NameMatch, find_names

__all__ = ["NameFinder", "NameMatch", "find_names"]
