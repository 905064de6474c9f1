#!/usr/bin/env bash
# Smoke-test an installed Bellwether from a fresh folder outside the repository:
#   packaging/smoke.sh EXECUTABLE RESOURCES
# EXECUTABLE is dist/bellwether/bellwether or a venv's bin/bellwether; RESOURCES is the
# app/resources folder it ships (so the sample comes from the installation, not the clone).
set -euo pipefail
exe=$(realpath "$1")
resources=$(realpath "$2")
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$(dirname "$0")/../app/__init__.py")
work=$(mktemp -d /tmp/bellwether-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
export QT_QPA_PLATFORM=offscreen
fail() { echo "smoke: $*" >&2; exit 1; }

for shipped in fonts/DejaVuSans.ttf fonts/DejaVuSans-Bold.ttf fonts/LICENSE-DejaVu.txt \
    samples/crm-rollout.bellwether.json icons/bellwether.svg guide/guide.md; do
    test -s "$resources/$shipped" || fail "the installation lacks $shipped"
done
cp "$resources/samples/crm-rollout.bellwether.json" sample.bellwether.json

[ "$("$exe" --version)" = "bellwether $version" ] || fail "--version is not bellwether $version"
"$exe" --screenshot board.png sample.bellwether.json 2>screenshot.err || fail "--screenshot failed"
python3 -c "import struct,sys; d=open('board.png','rb').read(24); \
sys.exit(0 if d[:8]==b'\x89PNG\r\n\x1a\n' and struct.unpack('>II',d[16:24])==(1920,1080) else 1)" \
    || fail "board.png is not a 1920x1080 PNG"
"$exe" export sample.bellwether.json -o roadmap.pdf || fail "export failed"
"$exe" verify roadmap.pdf sample.bellwether.json >verify.out || fail "verify failed"
# In the committee's languages, from the catalogues and Babel's data the installation carries.
"$exe" --lang fi --screenshot board-fi.png sample.bellwether.json || fail "--lang fi --screenshot"
for lang in da fi; do
    "$exe" --lang "$lang" export sample.bellwether.json -o "roadmap-$lang.pdf" >/dev/null \
        || fail "export in $lang failed"
    "$exe" verify "roadmap-$lang.pdf" >/dev/null || fail "the $lang roadmap does not verify"
done
if command -v pdftotext >/dev/null; then
    pdftotext roadmap-da.pdf da.txt && pdftotext roadmap-fi.pdf fi.txt
    grep -q "Godkendelse" da.txt || fail "the da roadmap is not in Danish"
    grep -q "Hyväksyn" fi.txt || fail "the fi roadmap is not in Finnish"
fi
# The GUI's export runs as a child of the same executable: `-m app.report.worker`.
"$exe" -m app.report.worker child.pdf a4 <sample.bellwether.json >child.out || fail "the worker failed"
"$exe" verify child.pdf >/dev/null || fail "the worker's PDF does not verify"

# Bad input: exit 2 and exactly one line on stderr, for the GUI and the command line alike.
printf '{"format": "bellwether/1", "title": ' >broken.bellwether.json
# A valid one-page PDF that Bellwether did not make.
python3 - <<'PDF'
objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
           b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"]
out, offsets = bytearray(b"%PDF-1.4\n"), []
for number, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open("other.pdf", "wb").write(out)
PDF
one_line() {
    local code=0
    "$@" >/dev/null 2>err.txt || code=$?
    [ "$code" = 2 ] || fail "$* exited $code, not 2"
    [ "$(wc -l <err.txt)" = 1 ] || { cat err.txt >&2; fail "$* did not say it in one line"; }
    echo "  $* -> $(cat err.txt)"
}
for file in broken.bellwether.json missing.bellwether.json other.pdf; do
    one_line "$exe" --screenshot bad.png "$file"
done
one_line "$exe" check broken.bellwether.json
one_line "$exe" verify other.pdf
one_line "$exe" export missing.bellwether.json -o nothing.pdf
[ ! -e nothing.pdf ] && [ ! -e bad.png ] || fail "a refused file left output behind"
echo "smoke: $exe passed"
