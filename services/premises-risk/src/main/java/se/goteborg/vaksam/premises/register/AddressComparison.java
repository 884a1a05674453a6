package se.goteborg.vaksam.premises.register;

import java.util.List;
import java.util.Set;

import se.goteborg.vaksam.events.premises.MatchLevel;

/**
 * Judges whether a tip's address and a register row's address are the same place; see {@link PremisesMatcher} for
 * the confidence scale. Pure and allocation-light: it runs for every candidate row of every lookup.
 */
final class AddressComparison {

    static final double STREET_FOLDED = 0.9;
    static final double STREET_ABBREVIATED = 0.85;
    static final double STREET_TYPO = 0.7;
    static final double LETTER_ON_ONE_SIDE = 0.8;
    static final double NUMBER_IN_RANGE = 0.8;
    static final double NO_POSTAL_CODE_SAME_TOWN = 0.85;
    static final double NO_POSTAL_CODE_CITY_DISTRICT = 0.8;
    static final double NO_POSTAL_CODE_NO_TOWN = 0.7;
    static final double POSTAL_CODE_TYPO = 0.7;
    /** Below this the differences add up to doubt, and the answer is NONE. */
    static final double PROBABLE_FLOOR = 0.5;

    /** A typo in a street name is only believed in a name at least this long, and only with the postal code right. */
    private static final int TYPO_MIN_LENGTH = 8;

    /**
     * First words that make different streets of the same name: Östra and Södra Hamngatan, Första and Andra
     * Långgatan are different streets however alike they look.
     */
    private static final Set<String> QUALIFIERS = Set.of("norra", "sodra", "ostra", "vastra", "forsta", "andra",
            "tredje", "fjarde", "femte", "sjatte", "sjunde", "attonde", "nionde", "tionde", "stora", "lilla", "gamla",
            "nya", "ovre", "nedre", "mellersta", "sankt", "sankta", "inre", "yttre");

    /** Street-name endings people shorten ("Kungsportspl.", "Olof Palmes pl", "Kungsg"), folded. */
    private static final List<String> STREET_ENDINGS = List.of("gatan", "gata", "vagen", "vag", "platsen", "plats",
            "plan", "torget", "torg", "allen", "alle", "avenyen", "leden", "granden", "grand", "backen", "backe",
            "stigen", "kajen", "parken", "gangen");

    /** Three-digit postal areas of the City of Göteborg and its district towns. */
    private static final int[][] GOTEBORG_POSTAL_AREAS = {{400, 418}, {421, 427}, {436, 436}};

    private AddressComparison() {
    }

    record Judgement(MatchLevel level, double confidence) {

        static final Judgement NONE = new Judgement(MatchLevel.NONE, 0);
        static final Judgement EXACT = new Judgement(MatchLevel.EXACT, 1);
    }

    static Judgement judge(SwedishAddress tip, SwedishAddress premises) {
        double street = street(tip, premises);
        if (street == 0) {
            return Judgement.NONE;
        }
        double number = number(tip, premises);
        if (number == 0) {
            return Judgement.NONE;
        }
        boolean samePostalCode = !tip.postalCode().isEmpty() && tip.postalCode().equals(premises.postalCode());
        if (street < STREET_FOLDED && !samePostalCode) {
            // A shortened or misspelt name is only believed where the postal code pins the street down.
            return Judgement.NONE;
        }
        double postal = samePostalCode ? 1 : postal(tip, premises);
        if (postal == 0) {
            return Judgement.NONE;
        }
        if (street == 1 && number == 1 && postal == 1) {
            return Judgement.EXACT;
        }
        double confidence = Math.round(street * number * postal * 100) / 100.0;
        return confidence < PROBABLE_FLOOR ? Judgement.NONE : new Judgement(MatchLevel.PROBABLE, confidence);
    }

    private static double street(SwedishAddress tip, SwedishAddress premises) {
        if (tip.street().equals(premises.street())) {
            return 1;
        }
        String tipFirst = tip.foldedWords().get(0);
        String premisesFirst = premises.foldedWords().get(0);
        if (!tipFirst.equals(premisesFirst) && QUALIFIERS.contains(tipFirst) && QUALIFIERS.contains(premisesFirst)) {
            return 0;
        }
        if (tip.folded().equals(premises.folded())) {
            return STREET_FOLDED;
        }
        if (abbreviated(tip.foldedWords(), premises.foldedWords())) {
            return STREET_ABBREVIATED;
        }
        String a = tip.folded();
        String b = premises.folded();
        if (Math.min(a.length(), b.length()) >= TYPO_MIN_LENGTH && Math.abs(a.length() - b.length()) <= 1
                && oneEditApart(a, b)) {
            return STREET_TYPO;
        }
        return 0;
    }

    /** Word by word the same, but for words one side shortened: "kungsportspl" for "kungsportsplatsen". */
    private static boolean abbreviated(List<String> tip, List<String> premises) {
        if (tip.size() != premises.size()) {
            return false;
        }
        boolean shortened = false;
        for (int i = 0; i < tip.size(); i++) {
            String a = tip.get(i);
            String b = premises.get(i);
            if (a.equals(b)) {
                continue;
            }
            if (!shortens(a, b) && !shortens(b, a)) {
                return false;
            }
            shortened = true;
        }
        return shortened;
    }

    /** Whether {@code shortWord} is {@code word} with its street ending cut short but not away: "kungsg", "pl". */
    private static boolean shortens(String shortWord, String word) {
        if (shortWord.length() >= word.length()) {
            return false;
        }
        for (String ending : STREET_ENDINGS) {
            if (word.endsWith(ending)) {
                int stem = word.length() - ending.length();
                if (shortWord.length() > stem && word.startsWith(shortWord)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One substitution, insertion, deletion or swap of neighbours (optimal string alignment distance of 1). */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        int la = a.length();
        int lb = b.length();
        if (la == lb) {
            int first = -1;
            int differences = 0;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (differences++ == 0) {
                        first = i;
                    }
                }
            }
            return differences == 1 || (differences == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first));
        }
        String longer = la > lb ? a : b;
        String shorter = la > lb ? b : a;
        if (longer.length() - shorter.length() != 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
    }

    private static double number(SwedishAddress tip, SwedishAddress premises) {
        if (tip.number() == 0 || premises.number() == 0) {
            return tip.number() == premises.number() ? 1 : 0;
        }
        if (!tip.letter().isEmpty() && !premises.letter().isEmpty() && !tip.letter().equals(premises.letter())) {
            return 0;
        }
        if (tip.number() == premises.number() && tip.numberTo() == premises.numberTo()) {
            return tip.letter().equals(premises.letter()) ? 1 : LETTER_ON_ONE_SIDE;
        }
        for (int n : tip.numbers()) {
            if (premises.numbers().contains(n)) {
                return NUMBER_IN_RANGE;
            }
        }
        return 0;
    }

    private static double postal(SwedishAddress tip, SwedishAddress premises) {
        String tipTown = tip.foldedCity();
        boolean sameTown = tipTown != null && tipTown.equals(premises.foldedCity());
        boolean bothInGoteborg = tip.inGoteborg() && premises.inGoteborg();
        if (tip.postalCode().isEmpty() || premises.postalCode().isEmpty()) {
            if (tipTown == null) {
                return NO_POSTAL_CODE_NO_TOWN;
            }
            return sameTown ? NO_POSTAL_CODE_SAME_TOWN : bothInGoteborg ? NO_POSTAL_CODE_CITY_DISTRICT : 0;
        }
        if (tipTown != null && !sameTown && !bothInGoteborg) {
            return 0;
        }
        return inGoteborgPostalArea(tip.postalCode()) && oneTypoApart(tip.postalCode(), premises.postalCode())
                ? POSTAL_CODE_TYPO : 0;
    }

    /** One digit wrong, or two neighbouring digits swapped. */
    private static boolean oneTypoApart(String a, String b) {
        return a.length() == b.length() && oneEditApart(a, b);
    }

    private static boolean inGoteborgPostalArea(String postalCode) {
        int area = Integer.parseInt(postalCode.substring(0, 3));
        for (int[] range : GOTEBORG_POSTAL_AREAS) {
            if (area >= range[0] && area <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
