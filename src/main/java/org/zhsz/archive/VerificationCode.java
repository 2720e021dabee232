package org.zhsz.archive;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The code printed on a dossier (e.g. {@code K7QH-2M9X-PA4T}) by which an admissions officer looks it up.
 * Twelve characters from an alphabet without the look-alikes 0/O, 1/I/L, so a code read off paper is typed
 * right: 31^12 ≈ 2^59 codes, drawn with {@link SecureRandom} so they cannot be guessed.
 *
 * @param value the twelve characters, upper case, without dashes (the form to store and index)
 */
public record VerificationCode(String value) {

    /** Digits 2–9 and A–Z without I, L and O. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    public VerificationCode {
        Objects.requireNonNull(value, "value");
        if (!isCanonical(value)) {
            throw new IllegalArgumentException("not a verification code: " + value);
        }
    }

    /** A new random code. Thread-safe. */
    public static VerificationCode random() {
        return random(RANDOM);
    }

    public static VerificationCode random(SecureRandom random) {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new VerificationCode(new String(c));
    }

    /**
     * Reads a code as a person types it: case-insensitive, dashes and spaces optional
     * ({@code k7qh 2m9x-pa4t}). Empty when the input is not a code (wrong length or a character outside the
     * alphabet, e.g. a 0 or an O).
     */
    public static Optional<VerificationCode> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String normalized = normalize(input);
        return isCanonical(normalized) ? Optional.of(new VerificationCode(normalized)) : Optional.empty();
    }

    /** Upper-cases and drops dashes and white space; does not validate. */
    public static String normalize(String input) {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < input.length(); i++) {
            char ch = input.charAt(i);
            if (ch == '-' || ch == '‐' || ch == '–' || ch == '—' || ch == '－' || Character.isWhitespace(ch)) {
                continue;
            }
            sb.append(ch);
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** Groups of four joined by dashes, as printed: {@code K7QH-2M9X-PA4T}. */
    public String formatted() {
        return value.substring(0, 4) + '-' + value.substring(4, 8) + '-' + value.substring(8, 12);
    }

    @Override
    public String toString() {
        return formatted();
    }

    private static boolean isCanonical(String s) {
        if (s.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
