"""Entry point of the frozen app: the same ``main`` as the ``vodgui`` console script."""

from vodgui.cli import main

raise SystemExit(main())
