package org.zhsz.archive;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Checks a signed dossier: is it signed, does the signature cover every byte, and do the signed bytes still
 * match. The checks read the file's own bytes rather than trusting the parser: the signed ranges must be
 * exactly the file minus one hex string, that string must hold one DER object followed only by zero padding,
 * and the CMS must verify over those ranges, so a single changed or added byte anywhere makes the result
 * invalid. Thread-safe; blocking.
 */
public final class SignatureVerifier {

    private static final PdfName ETSI_CADES_DETACHED = new PdfName("ETSI.CAdES.detached");

    public SignatureReport verify(byte[] pdf) {
        String sha256 = sha256Hex(pdf);
        PdfDictionary signature;
        try {
            signature = lastSignature(new PdfReader(pdf));
        } catch (IOException | RuntimeException e) {
            boolean looksSigned = indexOf(pdf, "/ByteRange".getBytes(StandardCharsets.US_ASCII)) >= 0;
            return new SignatureReport(looksSigned, false, false, null, null, null, sha256,
                    "unreadable PDF: " + e.getMessage());
        }
        if (signature == null) {
            return new SignatureReport(false, false, false, null, null, null, sha256, "no signature");
        }
        return check(pdf, signature, sha256);
    }

    private static PdfDictionary lastSignature(PdfReader reader) {
        try {
            AcroFields fields = reader.getAcroFields();
            List<String> names = fields.getSignedFieldNames();
            PdfDictionary last = null;
            long lastEnd = -1;
            for (String name : names) {
                PdfDictionary v = fields.getSignatureDictionary(name);
                long end = rangeEnd(v);
                if (v != null && end > lastEnd) {
                    last = v;
                    lastEnd = end;
                }
            }
            return last;
        } finally {
            reader.close();
        }
    }

    private static SignatureReport check(byte[] pdf, PdfDictionary dictionary, String sha256) {
        Instant dictionaryTime = dictionaryTime(dictionary);
        PdfName subFilter = dictionary.getAsName(PdfName.SUBFILTER);
        if (!PdfName.ADBE_PKCS7_DETACHED.equals(subFilter) && !ETSI_CADES_DETACHED.equals(subFilter)) {
            return invalid(true, false, null, null, dictionaryTime, sha256, "unsupported signature type " + subFilter);
        }
        long[] range = byteRange(dictionary);
        if (range == null || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1 || range[3] < 0
                || range[2] + range[3] > pdf.length) {
            return invalid(true, false, null, null, dictionaryTime, sha256, "malformed /ByteRange");
        }
        boolean covers = range[2] + range[3] == pdf.length;

        // the gap between the two ranges must be exactly the hex string holding the signature
        int gapStart = (int) range[1];
        int gapEnd = (int) range[2];
        byte[] blob = hexString(pdf, gapStart, gapEnd);
        if (blob == null) {
            return invalid(true, covers, null, null, dictionaryTime, sha256, "signature gap is not one hex string");
        }
        byte[] der = derObjectWithZeroPadding(blob);
        if (der == null) {
            return invalid(true, covers, null, null, dictionaryTime, sha256, "signature is not one DER object plus zero padding");
        }

        try {
            CMSSignedData cms = new CMSSignedData(new Ranges(pdf, range), der);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return invalid(true, covers, null, null, dictionaryTime, sha256, signers.size() + " signers, expected 1");
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return invalid(true, covers, null, null, dictionaryTime, sha256, "signer certificate missing");
            }
            X509CertificateHolder holder = matches.iterator().next();
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
            String subject = X500Name.getInstance(holder.getSubject()).toString();
            Instant signedAt = signingTime(signer, dictionaryTime);

            if (!certificateBound(signer, holder)) {
                return invalid(true, covers, subject, cert, signedAt, sha256,
                        "certificate does not match the signed signing-certificate attribute");
            }
            // checks the message-digest attribute against the ranges and the signature over the attributes
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            if (!ok) {
                return invalid(true, covers, subject, cert, signedAt, sha256, "signature does not verify");
            }
            return new SignatureReport(true, covers, true, subject, cert, signedAt, sha256,
                    covers ? null : "bytes were added after the signed revision");
        } catch (Exception e) {
            // a tampered digest surfaces as CMSSignatureException/CMSException; anything else unreadable is invalid too
            return invalid(true, covers, null, null, dictionaryTime, sha256, "signature does not verify: " + e.getMessage());
        }
    }

    /**
     * The certificate is outside the signed attributes; bind it through ESS signing-certificate-v2 when present,
     * else (a foreign self-signed signer) through its own signature, so a changed certificate byte is caught.
     */
    private static boolean certificateBound(SignerInformation signer, X509CertificateHolder holder) throws Exception {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attr = signed == null ? null : signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attr != null) {
            SigningCertificateV2 sc = SigningCertificateV2.getInstance(attr.getAttrValues().getObjectAt(0));
            ESSCertIDv2 id = sc.getCerts()[0];
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build().get(id.getHashAlgorithm());
            try (OutputStream out = digest.getOutputStream()) {
                out.write(holder.getEncoded());
            }
            return MessageDigest.isEqual(digest.getDigest(), id.getCertHash());
        }
        if (holder.getSubject().equals(holder.getIssuer())) {
            return holder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(holder));
        }
        return true; // issued by someone else: the caller checks the chain against the school's known certificate
    }

    private static Instant signingTime(SignerInformation signer, Instant fallback) {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attr = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (attr == null) {
            return fallback;
        }
        return Time.getInstance(attr.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }

    private static Instant dictionaryTime(PdfDictionary dictionary) {
        PdfString m = dictionary.getAsString(PdfName.M);
        if (m == null) {
            return null;
        }
        try {
            return PdfDate.decode(m.toString()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long rangeEnd(PdfDictionary v) {
        long[] r = v == null ? null : byteRange(v);
        return r == null ? -1 : r[2] + r[3];
    }

    private static long[] byteRange(PdfDictionary v) {
        PdfArray a = v.getAsArray(PdfName.BYTERANGE);
        if (a == null || a.size() != 4) {
            return null;
        }
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            PdfNumber n = a.getAsNumber(i);
            if (n == null) {
                return null;
            }
            r[i] = (long) n.doubleValue();
            if (r[i] != n.doubleValue()) {
                return null;
            }
        }
        return r;
    }

    /** The bytes of {@code <hex>} spanning exactly [start, end), or null. */
    private static byte[] hexString(byte[] pdf, int start, int end) {
        if (pdf[start] != '<' || pdf[end - 1] != '>' || (end - start - 2) % 2 != 0) {
            return null;
        }
        byte[] out = new byte[(end - start - 2) / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(pdf[start + 1 + 2 * i], 16);
            int lo = Character.digit(pdf[start + 2 + 2 * i], 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** The leading DER object if everything after it is zero padding, else null. */
    private static byte[] derObjectWithZeroPadding(byte[] blob) {
        try (ByteArrayInputStream in = new ByteArrayInputStream(blob);
                ASN1InputStream asn1 = new ASN1InputStream(in, blob.length)) {
            ASN1Primitive first = asn1.readObject();
            if (first == null) {
                return null;
            }
            int used = blob.length - in.available();
            for (int i = used; i < blob.length; i++) {
                if (blob[i] != 0) {
                    return null;
                }
            }
            return Arrays.copyOf(blob, used);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static SignatureReport invalid(boolean present, boolean covers, String subject, X509Certificate cert,
            Instant signedAt, String sha256, String problem) {
        return new SignatureReport(present, covers, false, subject, cert, signedAt, sha256, problem);
    }

    /** The two signed byte ranges of the file as CMS content, without copying them. */
    private record Ranges(byte[] pdf, long[] range) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            out.write(pdf, (int) range[0], (int) range[1]);
            out.write(pdf, (int) range[2], (int) range[3]);
        }

        @Override
        public Object getContent() {
            return null;
        }
    }
}
