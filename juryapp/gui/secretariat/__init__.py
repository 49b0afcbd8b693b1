"""The secretariat's screens: progress, paper entry, results, printing, set-up and schedule."""

from juryapp.gui.secretariat.window import SecretariatWindow

__all__ = ["SecretariatWindow"]
