package se.goteborg.vaksam.network.member;

import java.util.Optional;

/**
 * Swedish organisation numbers (NNNNNN-NNNN with a Luhn check digit). A sole trader's organisation number is the
 * owner's personal identity number, so the 12-digit form with a century prefix is accepted too and shortened.
 */
final class OrgNumbers {

    private OrgNumbers() {
    }

    /** The number as {@code NNNNNN-NNNN}, or empty when it is not a valid organisation number. */
    static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.strip().replace("-", "").replace(" ", "");
        if (!digits.matches("\\d{10}|(16|19|20)\\d{10}")) {
            return Optional.empty();
        }
        String ten = digits.substring(digits.length() - 10);
        if (!luhnValid(ten)) {
            return Optional.empty();
        }
        return Optional.of(ten.substring(0, 6) + "-" + ten.substring(6));
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == 0) {
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
