package org.zhsz.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed school signing keys for the embedded/demo run: made once per school, kept as a PKCS#12 file
 * {@code <dir>/<schoolId>.p12} and read back on later runs, so dossiers signed before a restart still verify.
 * The directory (e.g. {@code ./data/keys/}) is the caller's and must stay out of version control.
 *
 * <p>Not for production: a real deployment signs with a certificate issued to the school.
 */
public final class DemoSchoolKeys {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ALIAS = "school";
    private static final Duration VALIDITY = Duration.ofDays(20 * 365);

    private DemoSchoolKeys() {
    }

    /**
     * The school's key from {@code dir}, creating it (RSA 2048, SHA256withRSA, "CN=&lt;school name&gt;,
     * OU=综合素质评价, O=ZHSZ Demo, C=CN") if absent. Safe to call concurrently within one JVM.
     *
     * @param schoolId   file name stem; letters, digits, '.', '_' and '-' only
     * @param schoolName the certificate's common name, e.g. 泾源县第一中学
     * @param password   protects the PKCS#12 file
     */
    public static SchoolKey loadOrCreate(Path dir, String schoolId, String schoolName, char[] password) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(schoolName, "schoolName");
        Objects.requireNonNull(password, "password");
        if (schoolId == null || !SAFE_ID.matcher(schoolId).matches()) {
            throw new IllegalArgumentException("school id not usable as a file name: " + schoolId);
        }
        Path file = dir.resolve(schoolId + ".p12");
        synchronized (DemoSchoolKeys.class) {
            try {
                if (Files.exists(file)) {
                    return load(file, password);
                }
                SchoolKey key = create(schoolName);
                store(key, dir, file, password);
                return key;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException("cannot load or create the demo key of " + schoolId, e);
            }
        }
    }

    static SchoolKey create(String schoolName) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, "ZHSZ Demo")
                .addRDN(BCStyle.OU, "综合素质评价")
                .addRDN(BCStyle.CN, schoolName)
                .build();
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(96, new SecureRandom()).setBit(95);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        return new SchoolKey(pair.getPrivate(), List.of(cert));
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: leave the platform default
        }
    }

    static SchoolKey load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        PrivateKey key = (PrivateKey) store.getKey(ALIAS, password);
        if (key == null) {
            throw new GeneralSecurityException("no key '" + ALIAS + "' in " + file);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : store.getCertificateChain(ALIAS)) {
            chain.add((X509Certificate) c);
        }
        return new SchoolKey(key, chain);
    }

    private static void store(SchoolKey key, Path dir, Path file, char[] password)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key.privateKey(), password, key.chain().toArray(new Certificate[0]));
        // write aside and move, so another process never reads half a keystore
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            restrictToOwner(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
