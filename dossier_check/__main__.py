from dossier_check.cli import main

raise SystemExit(main())
