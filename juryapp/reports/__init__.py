"""Printed result documents rendered with ReportLab, signed and verified with pyHanko."""

import warnings

# pyHanko imports cryptography's DSA keys, which cryptography marks deprecated: a warning on
# every lock, report and verify that nobody using juryapp can act on. pyHanko is imported
# only from this package (signing, verification), so its first import always comes after
# this line. Only that warning, and only when pyHanko's own modules raise it, goes unsaid.
warnings.filterwarnings(
    "ignore", message=r"DSA is deprecated", category=UserWarning, module=r"pyhanko(\.|$)"
)
