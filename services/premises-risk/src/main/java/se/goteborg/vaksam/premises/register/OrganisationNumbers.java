package se.goteborg.vaksam.premises.register;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swedish organisation numbers of legal entities: ten digits, written {@code NNNNNN-NNNN} or without the hyphen,
 * optionally with the prefix {@code 16} that some systems put in front; stored as {@code NNNNNN-NNNN}. The last
 * digit is a Luhn check digit, and the third digit is 2 or more for a legal entity. A sole trader has no
 * organisation number of their own but uses their personal identity number, whose third digit is a month's first
 * digit (0 or 1), or which comes with a century prefix 19 or 20: that is personal data the register must not hold,
 * so it is refused rather than stored.
 */
final class OrganisationNumbers {

    private static final Pattern SHAPE = Pattern.compile("(\\d{2})?(\\d{6})-?(\\d{4})");

    private OrganisationNumbers() {
    }

    /** A normalised number, or the reason the input is not one (never quoting the input, which may be personal). */
    record Checked(String number, String problem) {

        static Checked valid(String number) {
            return new Checked(number, null);
        }

        static Checked invalid(String problem) {
            return new Checked(null, problem);
        }
    }

    static Checked check(String input) {
        Matcher shape = SHAPE.matcher(input);
        if (!shape.matches()) {
            return Checked.invalid("must be an organisation number NNNNNN-NNNN");
        }
        String prefix = shape.group(1);
        String digits = shape.group(2) + shape.group(3);
        if ("19".equals(prefix) || "20".equals(prefix) || digits.charAt(2) < '2') {
            return Checked.invalid("is a personal identity number (a sole trader's), which is personal data: "
                    + "the register takes organisation numbers of legal entities only, leave it empty for a sole trader");
        }
        if (prefix != null && !prefix.equals("16")) {
            return Checked.invalid("must be an organisation number NNNNNN-NNNN");
        }
        if (!luhnValid(digits)) {
            return Checked.invalid("is not a valid organisation number: the check digit (the last digit) is wrong");
        }
        return Checked.valid(digits.substring(0, 6) + "-" + digits.substring(6));
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == digits.length() % 2) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
