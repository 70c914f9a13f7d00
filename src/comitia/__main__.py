import sys

from comitia.cli import main

sys.exit(main())
