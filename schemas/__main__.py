import sys

from schemas.export import stale_files, write_all

if "--check" in sys.argv[1:]:
    stale = stale_files()
    if stale:
        print("out of date (run `python -m schemas`): " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)
    print("schemas up to date")
else:
    for path in write_all():
        print(f"wrote schemas/{path.name}")
