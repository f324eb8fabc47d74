"""``python -m game.cli``: the starlight command."""

import sys

from . import main

sys.exit(main())
