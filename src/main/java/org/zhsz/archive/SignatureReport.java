package org.zhsz.archive;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * What {@link SignatureVerifier} found in a PDF.
 *
 * @param present             the file carries a PDF signature
 * @param coversWholeDocument the signature's byte range runs to the last byte of the file (nothing appended)
 * @param signatureValid      integrity: the signed bytes hash to the signed digest and the signature checks out
 *                            with the embedded certificate, which is the one the signer committed to and
 *                            was within its validity period at the signed signing-time
 * @param signerSubject       the signing certificate's subject, e.g. {@code C=CN,O=ZHSZ Demo,OU=综合素质评价,CN=泾源县第一中学};
 *                            {@code null} when unreadable
 * @param signerCertificate   the signing certificate, for the caller to compare with the school's known one; may be {@code null}
 * @param signedAt            the CMS signing-time, else the dictionary's /M; may be {@code null}
 * @param documentSha256      SHA-256 (lower-case hex) of the exact bytes given
 * @param problem             why it is not valid, in English for logs; {@code null} when valid
 */
public record SignatureReport(
        boolean present,
        boolean coversWholeDocument,
        boolean signatureValid,
        String signerSubject,
        X509Certificate signerCertificate,
        Instant signedAt,
        String documentSha256,
        String problem) {

    /**
     * Signed, untouched since, and nothing added: the document is exactly what the signer signed. Whether the
     * signer is the right school is the caller's check ({@link #signerCertificate()} against the school's key).
     */
    public boolean valid() {
        return present && coversWholeDocument && signatureValid;
    }
}
