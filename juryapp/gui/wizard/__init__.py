"""The new-convention wizard: a whole convention set up step by step, without a file."""

from juryapp.gui.wizard.wizard import ConventionWizard

__all__ = ["ConventionWizard"]
