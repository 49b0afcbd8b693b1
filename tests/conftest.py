"""Test-wide settings: Qt runs offscreen and every test gets its own data folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
