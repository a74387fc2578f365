"""`python -m drill` behaves exactly like the `drill` command."""

import sys

from drill.cli import main

sys.exit(main())
