package se.goteborg.vaksam.network.figures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What the figures accept from an event as a code or a key. Codes travel as strings (outcome codes, indicator codes),
 * so one that is not shaped like a code is counted as {@value #OTHER} and never stored: a free text typed where a
 * code belongs cannot reach the figures. Ids become field names in the day documents, so one that could not be a
 * field name is stored by its hash.
 */
final class Codes {

    static final String OTHER = "OTHER";
    static final String UNKNOWN = "UNKNOWN";

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Codes() {
    }

    static String code(String value) {
        return value != null && CODE.matcher(value).matches() ? value : OTHER;
    }

    /** An id as a field name: itself when it can be one, else {@code h-} and its SHA-256. */
    static String key(String id) {
        if (id != null && KEY.matcher(id).matches()) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(id).getBytes(StandardCharsets.UTF_8));
            return "h-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
