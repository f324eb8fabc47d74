"""``python -m game`` runs the ``starlight`` command."""

import sys

from .cli import main

sys.exit(main())
