"""juryapp: offline jury scoring for health quality and innovation conventions."""

__version__ = "0.1.0"
