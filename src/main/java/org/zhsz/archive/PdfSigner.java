package org.zhsz.archive;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.RandomAccessFileOrArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a rendered dossier with the school's key: an invisible PDF signature, {@code adbe.pkcs7.detached}
 * (a detached CMS SignedData, SHA-256, built with BouncyCastle) added as an incremental update, so the
 * rendered bytes stay as they were and the signature covers the whole file.
 *
 * <p>The CMS carries signing-time and an ESS signing-certificate-v2 attribute, which binds the signer's
 * certificate into the signed data. Thread-safe; blocking (run on {@code boundedElastic}).
 */
public final class PdfSigner {

    static final String REASON = "学生综合素质评价档案 学校电子签章";
    /** Bytes reserved for the CMS blob; ours is about 1.5 KB with one certificate. */
    static final int CONTENTS_RESERVE = 8192;

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

    private final SchoolKey key;
    private final String signerName;
    private final String signatureAlgorithm;

    public PdfSigner(SchoolKey key) {
        this.key = key;
        this.signerName = commonName(key.certificate());
        this.signatureAlgorithm = switch (key.privateKey().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("unsupported key: " + key.privateKey().getAlgorithm());
        };
    }

    /** The signed PDF, signed now. */
    public byte[] sign(byte[] pdf) {
        return sign(pdf, Instant.now());
    }

    /** The signed PDF; {@code signingTime} goes into the signature dictionary and the CMS signing-time. */
    public byte[] sign(byte[] pdf, Instant signingTime) {
        try {
            // partial read: only the objects the signature touches (catalog, AcroForm, page 1) are parsed
            PdfReader reader = new PdfReader(new RandomAccessFileOrArray(pdf), null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * CONTENTS_RESERVE + 4096);
            // append = true: an incremental update; the rendered bytes are kept verbatim before it
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            Calendar when = GregorianCalendar.from(signingTime.atZone(SCHOOL_ZONE));
            appearance.setSignDate(when);
            appearance.setReason(REASON);
            appearance.setLocation(signerName);

            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, PdfName.ADBE_PKCS7_DETACHED);
            dictionary.setDate(new PdfDate(when));
            dictionary.setName(signerName);
            appearance.setCryptoDictionary(dictionary);

            Map<PdfName, Integer> exclusions = new HashMap<>();
            exclusions.put(PdfName.CONTENTS, CONTENTS_RESERVE * 2 + 2);
            appearance.preClose(exclusions);

            byte[] signedBytes;
            try (InputStream range = appearance.getRangeStream()) {
                signedBytes = range.readAllBytes();
            }
            byte[] cms = cms(signedBytes, signingTime);
            if (cms.length > CONTENTS_RESERVE) {
                throw new IllegalStateException("signature of " + cms.length + " bytes exceeds the reserved "
                        + CONTENTS_RESERVE);
            }
            PdfDictionary update = new PdfDictionary();
            update.put(PdfName.CONTENTS, new PdfString(Arrays.copyOf(cms, CONTENTS_RESERVE)).setHexWriting(true));
            appearance.close(update);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException | GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("cannot sign dossier", e);
        }
    }

    private byte[] cms(byte[] signedBytes, Instant signingTime)
            throws GeneralSecurityException, OperatorCreationException, CMSException, IOException {
        X509Certificate cert = key.certificate();
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certHash)}))));

        ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm).build(key.privateKey());
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(signer, cert));
        generator.addCertificates(new JcaCertStore(key.chain()));
        // detached: the PDF's byte ranges are the content, not embedded in the CMS
        return generator.generate(new CMSProcessableByteArray(signedBytes), false).getEncoded("DER");
    }

    static String commonName(X509Certificate cert) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? name.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
