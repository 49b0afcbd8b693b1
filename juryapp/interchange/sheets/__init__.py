"""The parts of reading and writing spreadsheets; callers use ``interchange.tabular``."""
