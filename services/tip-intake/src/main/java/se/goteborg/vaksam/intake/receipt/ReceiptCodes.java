package se.goteborg.vaksam.intake.receipt;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Receipt codes: the tipster's only handle on a tip, so they must be unguessable (80 random bits) yet easy to read
 * aloud and type: Crockford base32 in groups, {@code VK-7K3M-Q9XW-2HBD-0RTA}. Reading one back forgives case,
 * spaces, missing dashes and the look-alikes O/o (0) and I/i/L/l (1).
 */
public final class ReceiptCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String PREFIX = "VK";
    private static final int RANDOM_BYTES = 10;
    private static final int SYMBOLS = RANDOM_BYTES * 8 / 5;
    private static final int GROUP = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCodes() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        StringBuilder symbols = new StringBuilder(SYMBOLS);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                symbols.append(ALPHABET.charAt((buffer >> bits) & 0x1F));
            }
        }
        return format(symbols);
    }

    /** The canonical form of a code as someone typed it, or empty when it cannot be a receipt code. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (compact.startsWith(PREFIX) && compact.length() == PREFIX.length() + SYMBOLS) {
            compact = compact.substring(PREFIX.length());
        }
        if (compact.length() != SYMBOLS) {
            return Optional.empty();
        }
        StringBuilder symbols = new StringBuilder(SYMBOLS);
        for (char c : compact.toCharArray()) {
            char symbol = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(symbol) < 0) {
                return Optional.empty();
            }
            symbols.append(symbol);
        }
        return Optional.of(format(symbols));
    }

    private static String format(CharSequence symbols) {
        StringBuilder code = new StringBuilder(PREFIX);
        for (int i = 0; i < symbols.length(); i += GROUP) {
            code.append('-').append(symbols, i, i + GROUP);
        }
        return code.toString();
    }
}
