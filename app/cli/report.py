"""`export` (the roadmap PDF, or the plan as a sheet) and `verify` (a PDF against its plan)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from app.cli.common import EXIT_FINDINGS, EXIT_OK, Commands, fail
from app.domain.fingerprint import fingerprint
from app.domain.model import Workshop
from app.i18n import _, ngettext
from app.storage.atomic import atomic_write, same_file, target_of
from app.storage.workshop_file import WorkshopFileError, load_workshop


def add_commands(commands: Commands) -> None:
    """Add `export` and `verify` to the command line."""
    export = commands.add_parser("export", help=_("write the roadmap PDF (or a CSV/XLSX plan)"))
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    export.add_argument("--paper", choices=("a4", "letter"), default="a4")
    export.add_argument(
        "--format", choices=("pdf", "csv", "xlsx"), help=_("default: from OUT's suffix")
    )
    export.add_argument(
        "--sign",
        type=Path,
        metavar="CERT.p12",
        help=_(
            "seal the PDF with a digital signature (PAdES) by this PKCS#12 certificate; "
            "its password is read from BELLWETHER_P12_PASSWORD"
        ),
    )
    export.add_argument(
        "--compare-with",
        type=Path,
        metavar="OLD",
        help=_(
            "add a section on what changed against OLD (the plan as the meeting opened it); "
            "OLD travels inside the PDF so verify checks that section too"
        ),
    )
    export.set_defaults(handler=run_export)
    verify = commands.add_parser("verify", help=_("check a roadmap PDF against its plan"))
    verify.add_argument("pdf", type=Path, metavar="PDF")
    verify.add_argument("file", type=Path, nargs="?", metavar="FILE")
    verify.set_defaults(handler=run_verify)


def run_export(args: argparse.Namespace) -> int:
    """Export a workshop: a roadmap PDF, or the plan as a CSV or XLSX sheet."""
    kind = args.format or args.output.suffix.lower().lstrip(".")
    if args.output.is_dir():
        return fail(
            _("{output}: is a folder: give OUT a file name in it").format(output=args.output)
        )
    if kind not in ("pdf", "csv", "xlsx"):
        return fail(
            _("{output}: give OUT a .pdf, .csv or .xlsx suffix, or --format").format(
                output=args.output
            )
        )
    try:
        workshop = load_workshop(args.file)
    except WorkshopFileError as error:
        return fail(f"{args.file}: {error}")
    if kind != "pdf" and (args.sign is not None or args.compare_with is not None):
        return fail(_("--sign and --compare-with are for a PDF: give OUT a .pdf suffix"))
    baseline = None
    if args.compare_with is not None:
        try:
            baseline = load_workshop(args.compare_with)
        except WorkshopFileError as error:
            return fail(f"{args.compare_with}: {error}")
    problem = output_problem(args.output, args.file)
    if problem is not None:
        return fail(problem)
    if kind == "pdf":
        return export_pdf(workshop, args, baseline)
    return export_sheet(workshop, args, kind)


def output_problem(output: Path, source: Path) -> str | None:
    """Why OUT must not be written (the workshop itself, a folder, a FIFO...), before any work."""
    if same_file(output, source):
        return _("{output}: is the workshop being exported: give OUT another name").format(
            output=output
        )
    try:
        target_of(output)
    except OSError as error:
        return unwritable(output, error)
    return None


def unwritable(path: Path, error: OSError) -> str:
    """Why a file could not be written, in one line naming it."""
    return _("{path}: cannot be written ({reason})").format(
        path=path, reason=error.strerror or error
    )


def export_pdf(workshop: Workshop, args: argparse.Namespace, baseline: Workshop | None) -> int:
    """Write the roadmap PDF (see app.report); an existing OUT is replaced only when complete."""
    from app.report.document import render_pdf  # reportlab loads only when a PDF is asked for

    signer = None
    if args.sign is not None:
        from app.report.signing import PASSWORD_VARIABLE, SigningError, load_signer

        try:
            signer = load_signer(args.sign, os.environ.get(PASSWORD_VARIABLE))
        except SigningError as error:
            return fail(str(error))
    from app.report.failure import RenderError

    try:
        pdf = render_pdf(workshop, args.paper, baseline=baseline)
    except RenderError as error:
        return fail(f"{args.output}: {error}")
    if signer is not None:
        from app.report.signing import sign_pdf

        pdf = sign_pdf(pdf, signer, _("Roadmap of plan {plan}").format(plan=fingerprint(workshop)))
    try:
        atomic_write(args.output, pdf)
    except OSError as error:
        return fail(unwritable(args.output, error))
    print(
        _("{output}: roadmap of plan {plan}").format(output=args.output, plan=fingerprint(workshop))
    )
    if signer is not None:
        print(
            _("{output}: digitally signed with {cert}").format(output=args.output, cert=args.sign)
        )
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    """Does the PDF's printed fingerprint match the plan inside it (and FILE)? 0 yes, 1 no."""
    from app.report.verify import RoadmapPdfError, verify_pdf

    against = None
    if args.file is not None:
        try:
            against = load_workshop(args.file)
        except WorkshopFileError as error:
            return fail(f"{args.file}: {error}")
    try:
        result = verify_pdf(args.pdf, against, str(args.file or ""))
    except RoadmapPdfError as error:
        return fail(f"{args.pdf}: {error}")
    if not result.genuine:
        print(_("{pdf}: does NOT match:").format(pdf=args.pdf))
        for problem in result.problems:
            print(f"  - {problem}")
        return EXIT_FINDINGS
    assert result.workshop is not None
    print(
        _("{pdf}: genuine roadmap of “{title}”").format(pdf=args.pdf, title=result.workshop.title)
    )
    if args.file is not None:
        line = _("The printed fingerprint is the plan inside the PDF and {file}: {plan}")
    else:
        line = _("The printed fingerprint is the plan inside the PDF: {plan}")
    print(line.format(file=args.file, plan=result.embedded))
    _print_signoffs(result.workshop, print)
    if result.seal is not None:
        print(result.seal.describe())
    return EXIT_OK


def _print_signoffs(workshop: Workshop, print_: Callable[[str], None]) -> None:
    from app.domain.approval import approvals
    from app.report.approval import approval_status

    print_(approval_status(workshop))
    for head in approvals(workshop):
        name = head.department.name
        if head.signoff is None:
            who = head.department.head or _("no head named")
            print_("  " + _("not signed: {department} ({head})").format(department=name, head=who))
            continue
        state = _("valid") if head.valid else _("STALE (signed another version)")
        line = _("{state}: {department}, signed by {name} at {at}").format(
            state=state, department=name, name=head.signoff.name, at=head.signoff.at.isoformat()
        )
        print_("  " + line)


def export_sheet(workshop: Workshop, args: argparse.Namespace, kind: str) -> int:
    """Write the plan as a spreadsheet (see app.storage.spreadsheet)."""
    from app.storage.spreadsheet import write_plan_csv, write_plan_xlsx

    write = write_plan_csv if kind == "csv" else write_plan_xlsx
    try:
        write(args.output, workshop)
    except OSError as error:
        return fail(unwritable(args.output, error))
    count = len(workshop.requests)
    print(
        ngettext(
            "{output}: plan of {count} request, one row each",
            "{output}: plan of {count} requests, one row each",
            count,
        ).format(output=args.output, count=count)
    )
    return EXIT_OK
