"""`export --sign CERT.p12`: a PAdES signature over the roadmap, reported and checked by verify."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from app.report.signing import PASSWORD_VARIABLE, read_seal
from tests.builders import run_main
from tests.conftest import SMALL_SAMPLE

pytestmark = pytest.mark.slow
SIGNER = "Steering Committee Seal"


def self_signed(path: Path, password: bytes) -> Path:
    """A fresh self-signed certificate and its key, as a PKCS#12 file."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, SIGNER)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(password)
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(b"seal", key, certificate, None, encryption)
    )
    return path


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("signed")
    certificate = self_signed(folder / "seal.p12", b"secret")
    out = folder / "roadmap.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PASSWORD_VARIABLE, "secret")
        result = run_main("export", SMALL_SAMPLE, "-o", out, "--sign", certificate)
    assert result.returncode == 0, result.stderr
    assert "digitally signed" in result.stdout
    return out


def test_verify_reports_an_intact_signature(signed: Path) -> None:
    result = run_main("verify", signed)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "genuine" in result.stdout
    assert f"Digitally signed by {SIGNER}" in result.stdout
    assert "intact" in result.stdout
    assert "for a PDF reader or the organisation's IT to trust" in result.stdout
    assert result.stderr == ""
    seal = read_seal(signed.read_bytes())
    assert seal is not None and seal.problem is None and seal.whole_file


def test_a_byte_changed_under_the_signature_breaks_it(signed: Path, tmp_path: Path) -> None:
    raw = bytearray(signed.read_bytes())
    at = raw.index(b"/Producer")  # inside the signed range, outside the pages
    raw[at + 1 : at + 2] = b"Q"
    edited = tmp_path / "edited.pdf"
    edited.write_bytes(bytes(raw))
    result = run_main("verify", edited)
    assert result.returncode == 1, result.stdout
    assert "digital signature is broken" in result.stdout


def test_an_update_appended_after_signing_is_reported(signed: Path, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(signed, incremental=True)
    writer.add_metadata({"/Subject": "Approved by all"})
    edited = tmp_path / "appended.pdf"
    with edited.open("wb") as file:
        writer.write(file)
    result = run_main("verify", edited)
    assert result.returncode == 1, result.stdout
    assert "changed after it was digitally signed" in result.stdout


def test_a_wrong_password_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    certificate = self_signed(tmp_path / "seal.p12", b"secret")
    monkeypatch.setenv(PASSWORD_VARIABLE, "wrong")
    out = tmp_path / "roadmap.pdf"
    result = run_main("export", SMALL_SAMPLE, "-o", out, "--sign", certificate)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "password is wrong" in result.stderr
    assert not out.exists()
    missing = run_main("export", SMALL_SAMPLE, "-o", out, "--sign", tmp_path / "none.p12")
    assert missing.returncode == 2 and "no such certificate file" in missing.stderr
    assert not out.exists()


def test_an_unsigned_export_has_no_seal(tmp_path: Path) -> None:
    out = tmp_path / "roadmap.pdf"
    assert run_main("export", SMALL_SAMPLE, "-o", out).returncode == 0
    assert read_seal(out.read_bytes()) is None
    assert "Digitally signed" not in run_main("verify", out).stdout
