from vodgui.cli import main

raise SystemExit(main())
