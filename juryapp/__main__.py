"""``python -m juryapp``."""

import sys

from juryapp.cli.main import main

sys.exit(main())
