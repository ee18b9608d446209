"""The guide's command line: the build steps that are not MkDocs's business, each on its own.

    python -m sanctuary check [FILE ...]           validate the data and the snapshots (every error, with file and line)
    python -m sanctuary opendata OUT               write the open data (CSV, JSON, README.txt, LEEME.txt, zip) into OUT
    python -m sanctuary zip OFFLINE OUT            zip the offline build into OUT (and record it in OUT's manifest)
    python -m sanctuary pdf OFFLINE OUT            print each edition's printable guide into OUT (needs Chromium)
    python -m sanctuary linkcheck SITE             check every internal link and anchor of a built site
    python -m sanctuary csp SITE                   add the Content-Security-Policy to every page of a built edition
    python -m sanctuary epoch                      print the build date from the data (for SOURCE_DATE_EPOCH)
    python -m sanctuary refresh-287g FILE [--pending FILE]   refresh the 287(g) snapshots from ICE's workbooks
    python -m sanctuary refresh-detention FILE     refresh the detention facilities snapshot from ICE's workbook
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _guide(root: Path):
    from .load import load_guide

    return load_guide(root)


def main(argv: list[str] | None = None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser = argparse.ArgumentParser(prog="python -m sanctuary", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, parents=[common])

    check = command("check", "validate the data files and snapshots")
    check.add_argument("files", nargs="*", help="only report errors in these files (paths relative to --root)")
    command("opendata", "write the open data").add_argument("out", type=Path)
    for name in ("zip", "pdf"):
        cmd = command(name, f"make the {name} download from an offline build")
        cmd.add_argument("offline", type=Path)
        cmd.add_argument("out", type=Path)
    lc = command("linkcheck", "check the links of a built site")
    lc.add_argument("site", type=Path)
    lc.add_argument("--base-path", default="/")
    command("csp", "add the CSP to a built edition").add_argument("site", type=Path)
    command("epoch", "print the data's build date as seconds since 1970")
    refresh_287g = command("refresh-287g", "refresh the 287(g) snapshots from ICE's workbooks, with a change report")
    refresh_287g.add_argument("file", type=Path, help="ICE's participating-agencies workbook (participatingAgencies*.xlsx)")
    refresh_287g.add_argument("--pending", type=Path, help="ICE's pending-agencies workbook (pendingAgencies*.xlsx)")
    refresh_detention = command("refresh-detention", "refresh the detention facilities snapshot from ICE's workbook, with a change report")
    refresh_detention.add_argument("file", type=Path, help="ICE's detention statistics workbook (FY26_detentionStats*.xlsx)")
    for cmd in (refresh_287g, refresh_detention):
        cmd.add_argument("--retrieved", metavar="YYYY-MM-DD", help="when the workbook was downloaded (default: today, UTC)")
        cmd.add_argument("--as-of", metavar="YYYY-MM-DD", help="the sheet's date, when its file name does not give it")
        cmd.add_argument("--report", type=Path, metavar="FILE", help="also write the change report here, as Markdown (a pull request's body)")
        cmd.add_argument("--keep", action="store_true", help="keep the written files when the guide does not load (to look at them)")
    args = parser.parse_args(argv)

    if args.command == "check":
        from .check import run

        return run(args.root, args.files)
    if args.command == "linkcheck":
        from .linkcheck import check_site

        problems = check_site(args.site, base_path=args.base_path)
        print("\n".join(problems) or "ok: every internal link and anchor resolves")
        return 1 if problems else 0
    if args.command in ("refresh-287g", "refresh-detention"):
        from . import refresh

        return refresh.command(args)
    if args.command == "csp":
        from . import csp

        print(f"ok: {csp.add_to_site(args.site)} pages")
        return 0
    guide = _guide(args.root)
    if args.command == "epoch":
        print(guide.build_epoch)
    elif args.command == "opendata":
        from . import opendata

        try:
            written = opendata.write(guide, args.out)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        for path in written:
            print(path)
    elif args.command == "zip":
        from . import package

        print(package.make_zip(args.offline, args.out, guide.data_date))
    elif args.command == "pdf":
        if not (shutil.which("chromium") or shutil.which("chromium-browser")):
            print("error: the printable PDF needs Chromium (make test installs it; or apt-get install chromium)", file=sys.stderr)
            return 1
        from . import printable

        for path in printable.make_pdfs(guide, args.offline, args.out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
