"""Start Bellwether: `python main.py [FILE]` opens the board, `python main.py check FILE` etc."""

import sys

from app.launcher import main

if __name__ == "__main__":
    sys.exit(main())
