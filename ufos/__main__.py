from ufos.cli import main

raise SystemExit(main())
