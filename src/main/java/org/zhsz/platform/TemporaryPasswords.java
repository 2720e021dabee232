package org.zhsz.platform;

import java.security.SecureRandom;

/**
 * One-time passwords for new accounts, printed on an account slip and typed once: 12 characters from an alphabet
 * without look-alikes (no 0/o, 1/l/i), in three groups ({@code k7mq-3xwe-p9ta}), about 59 bits. Keycloak makes the
 * owner choose a new password at the first login. Never logged, never stored by the platform.
 */
public final class TemporaryPasswords {

    static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    public static String next() {
        StringBuilder b = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
