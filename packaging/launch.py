"""Entry script of the bundle: the same `main` as the `leaddesk` command."""

import sys

from leaddesk.bundle_env import restore_library_path
from leaddesk.cli import main

restore_library_path()
sys.exit(main())
