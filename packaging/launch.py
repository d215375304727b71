"""Entry script of the bundle: the same `main` as the `leaddesk` command."""

import sys

from leaddesk.cli import main

sys.exit(main())
