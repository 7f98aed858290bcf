"""``python -m reconnect_gui`` and the PyInstaller entry point."""

import sys

from reconnect_gui.app import main

if __name__ == "__main__":
    sys.exit(main())
