from nvlint.cli import main

raise SystemExit(main())
