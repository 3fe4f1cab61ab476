"""``python -m convproof``: the ``convproof`` command."""

import sys

from convproof.reports.cli import main

sys.exit(main())
