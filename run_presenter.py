#!/usr/bin/env python3
"""Start Presenter from a checkout: `python run_presenter.py [SHOW] [--check] ...`."""

import sys

from presenter.cli import main

if __name__ == "__main__":
    sys.exit(main())
