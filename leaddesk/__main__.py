"""Allow `python -m leaddesk`."""

from leaddesk.cli import main

raise SystemExit(main())
