"""A digital signature over the roadmap PDF (PAdES, with pyHanko), and checking it.

The organisation's certificate (a PKCS#12 file, `.p12`/`.pfx`) seals the finished PDF: the
signature covers every byte, so any PDF reader shows whether the file changed since, and
`verify` reports who signed and whether the seal is intact. The signature is an incremental
update: the pages and the embedded plan stay exactly as exported, so `verify` still renders the
plan again and compares the pages. A signed PDF is not byte-identical from one export to the
next (the signature records its time); an unsigned one is.

pyHanko is imported only here, and only when a PDF is signed or has a signature to check.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _

if TYPE_CHECKING:
    from pyhanko_certvalidator import ValidationContext

FIELD = "BellwetherSeal"
PASSWORD_VARIABLE = "BELLWETHER_P12_PASSWORD"
"""Where the certificate file's password is read from (no password when it is not set)."""


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pyHanko logs each failure with a traceback; the caller reports it in one line."""
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class SigningError(ValueError):
    """The certificate cannot sign (missing, not PKCS#12, wrong password); one line."""


@dataclass(frozen=True, slots=True)
class Seal:
    """What a PDF's digital signature says: who signed, when, and whether it is intact."""

    signer: str
    intact: bool
    whole_file: bool
    signed_at: str

    @property
    def problem(self) -> str | None:
        """Why the signature does not hold (None: it does; trust is reported, not required)."""
        if not self.intact:
            return _("the digital signature is broken: the PDF was changed after it was signed")
        if not self.whole_file:
            return _("the PDF was changed after it was digitally signed")
        return None

    def describe(self) -> str:
        """One line for verify's report."""
        state = _("intact") if self.problem is None else _("BROKEN")
        trust = _("the certificate itself is for a PDF reader or the organisation's IT to trust")
        return _("Digitally signed by {signer} at {at}: {state}; {trust}").format(
            signer=self.signer, at=self.signed_at, state=state, trust=trust
        )


def load_signer(path: Path, password: str | None) -> object:
    """The signer of a PKCS#12 file; SigningError (one line) when it cannot sign."""
    from pyhanko.sign import signers

    if not path.is_file():
        raise SigningError(_("{path}: no such certificate file").format(path=path))
    secret = password.encode("utf-8") if password else None
    try:
        with _quiet():
            signer = signers.SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]
                str(path), passphrase=secret
            )
    except (ValueError, TypeError, OSError) as error:
        raise SigningError(
            _("{path}: cannot be read as a certificate ({error})").format(path=path, error=error)
        ) from None
    if signer is None:
        raise SigningError(
            _("{path}: not a PKCS#12 certificate with its key, or the password is wrong").format(
                path=path
            )
        )
    return signer


def sign_pdf(pdf: bytes, signer: object, reason: str) -> bytes:
    """`pdf` with a PAdES signature over all of it, by `signer` (from `load_signer`)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES, reason=reason
    )
    output = io.BytesIO()
    with _quiet():
        signers.sign_pdf(writer, meta, signer=signer, output=output)  # type: ignore[arg-type]
    return output.getvalue()


def read_seal(raw: bytes) -> Seal | None:
    """The last digital signature of a PDF, checked; None when it has none."""
    if b"/ByteRange" not in raw:
        return None  # no signature: pyHanko need not load
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    reader = PdfFileReader(io.BytesIO(raw), strict=False)
    signatures = reader.embedded_signatures
    if not signatures:
        return None
    signature = signatures[-1]
    try:
        with _quiet():
            status = validate_pdf_signature(signature, _context())
    except SignatureValidationError:
        return Seal(_("an unknown signer"), False, False, "?")
    subject = status.signing_cert.subject
    signer = str(subject.native.get("common_name") or subject.human_friendly)
    when = status.signer_reported_dt
    at = when.strftime("%Y-%m-%d %H:%M UTC") if when is not None else "?"
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    return Seal(signer, bool(status.intact and status.valid), whole, at)


def _context() -> ValidationContext:
    """Check the seal against the signed bytes only: which certificate authorities to trust is
    the PDF reader's and the organisation's decision, and checking it may need the network."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=[], allow_fetching=False)
