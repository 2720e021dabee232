package org.zhsz.archive;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A school's signing key and certificate chain (signer first). Production keys come from the school's
 * keystore or an HSM; {@link DemoSchoolKeys} makes self-signed ones for the embedded run.
 */
public record SchoolKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SchoolKey {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        // never print key material
        return "SchoolKey[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
