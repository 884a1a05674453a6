package se.goteborg.vaksam.network.page;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * What the coordinators' forms carry besides their fields: a submission id, which names what the form creates so
 * that sending it twice creates it once, and the version of what an edit was made on.
 */
public final class FormFields {

    private static final Pattern SUBMISSION_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern VERSION = Pattern.compile("\\d{1,18}");

    private FormFields() {
    }

    /** The field as typed, without blanks around it; empty when it was not sent. */
    public static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** A fresh submission id, for a form as it is first shown. */
    public static String newSubmissionId() {
        return UUID.randomUUID().toString();
    }

    /** The submission id sent when it is one a page made; else a fresh one, and then every post is a new one. */
    public static String submissionIdOrNew(String sent) {
        return SUBMISSION_ID.matcher(sent).matches() ? sent : newSubmissionId();
    }

    /** The version sent when it is one a page wrote; else null. */
    public static Long version(String sent) {
        return VERSION.matcher(sent).matches() ? Long.valueOf(sent) : null;
    }
}
