from tracker_verifier.cli import main

raise SystemExit(main())
