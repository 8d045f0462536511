import sys

from shopguide.cli import main

sys.exit(main())
