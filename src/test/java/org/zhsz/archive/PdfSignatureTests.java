package org.zhsz.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfSignatureTests {

    static final char[] PASSWORD = "demo-only".toCharArray();
    // BouncyCastle also checks the certificate was valid at the signed signing-time; the demo key is made now
    static final Instant SIGNED_AT = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @TempDir
    static Path keys;

    static SchoolKey key;
    static byte[] unsigned;
    static byte[] signed;
    static final SignatureVerifier verifier = new SignatureVerifier();

    @BeforeAll
    static void signOnce() {
        key = DemoSchoolKeys.loadOrCreate(keys, "jy-yz", SampleDossiers.SCHOOL, PASSWORD);
        unsigned = new DossierRenderer().render(SampleDossiers.li());
        signed = new PdfSigner(key).sign(unsigned, SIGNED_AT);
    }

    @Test
    void aSignedDossierVerifies() {
        SignatureReport report = verifier.verify(signed);
        assertThat(report.problem()).isNull();
        assertThat(report.present()).isTrue();
        assertThat(report.coversWholeDocument()).isTrue();
        assertThat(report.signatureValid()).isTrue();
        assertThat(report.valid()).isTrue();
        assertThat(report.signerSubject()).contains("CN=泾源县第一中学", "C=CN");
        assertThat(report.signerCertificate()).isEqualTo(key.certificate());
        assertThat(report.signedAt()).isEqualTo(SIGNED_AT);
        assertThat(report.documentSha256()).isEqualTo(SignatureVerifier.sha256Hex(signed)).hasSize(64);
    }

    @Test
    void signingAppendsAnIncrementalUpdateAndKeepsTheRenderedBytes() {
        assertThat(Arrays.copyOf(signed, unsigned.length)).isEqualTo(unsigned);
        assertThat(Poppler.text(Poppler.write(Path.of("target", "dossier"), "li-yan-signed.pdf", signed)))
                .contains(SampleDossiers.NAME, "K7QH-2M9X-PA4T");
    }

    @Test
    void popplerAgreesTheSignatureIsValidAndCoversTheDocument() {
        Path file = Poppler.write(Path.of("target", "dossier"), "li-yan-signed.pdf", signed);
        String sig = Poppler.sig(file);
        assertThat(sig).contains("Signature is Valid", "Total document signed", "adbe.pkcs7.detached");
    }

    @Test
    void anUnsignedPdfHasNoSignature() {
        SignatureReport report = verifier.verify(unsigned);
        assertThat(report.present()).isFalse();
        assertThat(report.valid()).isFalse();
        assertThat(report.documentSha256()).isEqualTo(SignatureVerifier.sha256Hex(unsigned));
    }

    @Test
    void oneChangedByteInTheSignedRangeInvalidatesIt() {
        // a byte of the rendered page content (first range) and one of the signature dictionary (second range)
        for (int at : new int[] {unsigned.length / 2, signed.length - 40}) {
            byte[] tampered = signed.clone();
            tampered[at] ^= 0x01;
            SignatureReport report = verifier.verify(tampered);
            assertThat(report.valid()).as("flip at %d", at).isFalse();
            assertThat(report.signatureValid()).as("flip at %d", at).isFalse();
            assertThat(report.documentSha256()).isNotEqualTo(SignatureVerifier.sha256Hex(signed));
        }
    }

    @Test
    void aChangedByteAnywhereInvalidatesIt() {
        // every 251st byte plus every byte of the signature blob's edges and padding
        int contents = indexOf(signed, "/Contents <") + "/Contents ".length();
        int step = 251;
        int checked = 0;
        for (int at = 0; at < signed.length; at += (at >= contents - 4 && at < contents + 40) ? 1 : step) {
            byte[] tampered = signed.clone();
            tampered[at] = (byte) (tampered[at] == '0' ? '1' : tampered[at] ^ 0x01);
            assertThat(verifier.verify(tampered).valid()).as("byte %d of %d", at, signed.length).isFalse();
            checked++;
        }
        // the zero padding after the CMS blob is not signed, but is checked
        int lastHex = indexOf(signed, ">", contents) - 1;
        byte[] tampered = signed.clone();
        tampered[lastHex] = '1';
        SignatureReport padding = verifier.verify(tampered);
        assertThat(padding.valid()).isFalse();
        assertThat(padding.problem()).contains("padding");
        assertThat(checked).isGreaterThan(signed.length / step);
    }

    @Test
    void appendedBytesAreNotCoveredByTheSignature() {
        byte[] appended = Arrays.copyOf(signed, signed.length + 9);
        System.arraycopy("%comment\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 9);
        SignatureReport report = verifier.verify(appended);
        assertThat(report.present()).isTrue();
        assertThat(report.signatureValid()).as("the signed revision itself is intact").isTrue();
        assertThat(report.coversWholeDocument()).isFalse();
        assertThat(report.valid()).isFalse();
    }

    @Test
    void demoKeysAreCreatedOnceAndReadBack() throws Exception {
        SchoolKey again = DemoSchoolKeys.loadOrCreate(keys, "jy-yz", SampleDossiers.SCHOOL, PASSWORD);
        assertThat(again.certificate()).isEqualTo(key.certificate());
        assertThat(again.privateKey().getEncoded()).isEqualTo(key.privateKey().getEncoded());
        Path file = keys.resolve("jy-yz.p12");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(key.certificate().getSubjectX500Principal().getName()).contains("泾源县第一中学");
        assertThat(key.toString()).doesNotContain("PRIVATE");

        SchoolKey other = DemoSchoolKeys.loadOrCreate(keys, "jy-ez", "泾源县第二中学", PASSWORD);
        assertThat(other.certificate()).isNotEqualTo(key.certificate());
        // a dossier signed by another school verifies, but with that school as signer: callers compare certificates
        SignatureReport report = verifier.verify(new PdfSigner(other).sign(unsigned));
        assertThat(report.valid()).isTrue();
        assertThat(report.signerCertificate()).isNotEqualTo(key.certificate());
    }

    private static int indexOf(byte[] haystack, String needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, String needle, int from) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + needle);
    }
}
