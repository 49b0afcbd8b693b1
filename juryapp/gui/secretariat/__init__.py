"""The secretariat's screens: progress, paper entry, results, set-up and schedule."""

from juryapp.gui.secretariat.window import SecretariatWindow

__all__ = ["SecretariatWindow"]
