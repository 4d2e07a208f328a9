"""``python -m graph`` is the ``newsgraph`` command."""
import sys

from .cli import main

sys.exit(main())
