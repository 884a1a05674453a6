package se.goteborg.vaksam.intake.receipt;

import se.goteborg.vaksam.web.problem.FieldProblems;

/** The checks for text a tipster writes back: trimmed, counted as people see characters, no control characters. */
final class FollowUpText {

    private FollowUpText() {
    }

    /** The trimmed text, or {@code null} with a problem recorded for {@code field}. */
    static String check(FieldProblems problems, String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (!problems.check(!stripped.isEmpty(), field, "is required")) {
            return null;
        }
        boolean ok = problems.check(stripped.codePointCount(0, stripped.length()) <= max, field,
                "must be at most " + max + " characters");
        ok &= problems.check(stripped.codePoints().noneMatch(FollowUpText::isForbiddenControl), field,
                "must not contain control characters other than line breaks and tabs");
        return ok ? stripped : null;
    }

    private static boolean isForbiddenControl(int c) {
        return c != '\n' && c != '\r' && c != '\t' && Character.getType(c) == Character.CONTROL;
    }
}
