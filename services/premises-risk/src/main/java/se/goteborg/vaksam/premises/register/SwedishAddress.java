package se.goteborg.vaksam.premises.register;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Swedish address taken apart the way the lettings register and tips are compared: the street in a canonical
 * spelling, the house number with its letter or range, the postal code's five digits and the postal town.
 * <p>
 * The canonical street keeps everything that tells streets apart (å, ä, ö, word order) and drops only what never
 * does: case, Unicode composition, stray punctuation and spacing, and the common abbreviations, written out
 * ("S:t" and "St." = Sankt, "S." = Södra, "N." = Norra, "Ö." = Östra, "V." = Västra before a street name;
 * "g." and "gt" = gatan, "v." and "vg" = vägen after it; "1:a" = Första; "Avenyn" = Kungsportsavenyen). A "V." is
 * Västra as the first of several words and vägen when attached to the end of the name, as in "Redbergsv.".
 * Doors, floors and flats after the number ("lgh 1102", "2 tr", "bv", "entré B") are ignored, and a postal code
 * and town written into the street line ("Kungsgatan 12, 411 19 Göteborg") are taken from there when the separate
 * fields are empty.
 * <p>
 * The folded street additionally drops diacritics and word breaks ({@code kungsgatan}, {@code linnegatan}); only
 * {@link AddressComparison} decides how much an agreement of the folded forms is worth.
 */
record SwedishAddress(String street, List<String> foldedWords, String folded, int number, int numberTo,
                      String letter, String postalCode, String city) {

    /** A range such as "2-40" is indexed under this many numbers at most, so one row cannot flood the index. */
    static final int MAX_NUMBERS = 10;

    static final String GOTEBORG = "göteborg";

    /** "…vg." at the end of a street name: "vg." for vägen, or "v" ending the name and "g." for gatan. */
    private static final Pattern VG_OR_G = Pattern.compile("(?<=\\p{L}\\p{L}[vV])[gG]\\.(?=[\\s\\d,]|$)");
    private static final Pattern COUNTRY_PREFIX = Pattern.compile("\\b(?:se|s)\\s*-\\s*(?=\\d{3}\\s?\\d{2}\\b)");
    private static final Pattern NUMBER_RANGE = Pattern.compile("(\\d[a-z]?)\\s*[-–—]\\s*(\\d)");
    private static final Pattern WORD_HYPHEN = Pattern.compile("(?<=\\p{L})[-–—](?=\\p{L})");
    private static final Pattern INNER_DOT = Pattern.compile("(?<=\\p{L})\\.(?=\\p{L}{2})");
    private static final Pattern WORD_THEN_DIGIT = Pattern.compile("(?<=\\p{L}{3})(?=\\d)");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("(\\d{1,4})([a-z])?(?:-(\\d{1,4})([a-z])?)?");
    private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2}):?([ae])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NON_DIGITS = Pattern.compile("\\D+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final String[] ORDINALS = {"", "första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde",
            "åttonde", "nionde", "tionde"};

    /** Abbreviations that stand for a whole word before a street name. */
    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("s", "södra"), Map.entry("sö", "södra"), Map.entry("s:a", "södra"),
            Map.entry("n", "norra"), Map.entry("n:a", "norra"),
            Map.entry("ö", "östra"), Map.entry("ö:a", "östra"),
            Map.entry("v", "västra"), Map.entry("v:a", "västra"),
            Map.entry("st", "sankt"), Map.entry("s:t", "sankt"),
            Map.entry("sta", "sankta"), Map.entry("s:ta", "sankta"),
            Map.entry("st:a", "stora"), Map.entry("l:a", "lilla"), Map.entry("g:la", "gamla"));

    /** Names Göteborg knows its streets by besides the register's. */
    private static final Map<String, String> STREET_ALIASES = Map.of(
            "avenyn", "kungsportsavenyen",
            "kungsports avenyn", "kungsportsavenyen",
            "kungsportsavenyn", "kungsportsavenyen");

    /** How people write Göteborg as a postal town. */
    private static final Set<String> GOTEBORG_NAMES = Set.of("goteborg", "gothenburg", "gbg", "goteborgs",
            "goeteborg", "gotheborg", "gteborg", "gborg", "g:borg", "goteborgsstad", "goteborgstad", "goteborgc");

    /**
     * Postal towns inside the City of Göteborg besides Göteborg itself (folded, without spaces): the register lists
     * premises there under these towns.
     */
    private static final Set<String> CITY_DISTRICT_TOWNS = Set.of("angered", "torslanda", "vastrafrolunda",
            "hisingsbacka", "hisingskarra", "askim", "billdal", "save", "olofstorp", "gunnilse", "aspero", "branno",
            "styrso", "donso", "vrango", "kopstadso", "hovas");

    private static final Set<String> COUNTRY_WORDS = Set.of("sverige", "sweden", "se");

    /** Words after a house number that say where in the building, not where the building is. */
    private static final Set<String> DOOR_WORDS = Set.of("lgh", "lägenhet", "lägenhetsnummer", "tr", "trp", "trappa",
            "trappor", "bv", "bottenvåning", "bottenplan", "ög", "vån", "våning", "plan", "uppg", "uppgång", "ingång",
            "entré", "entrén", "port", "porten", "hus", "huset", "lokal", "butik", "gården", "gatuplan", "källare",
            "källaren", "kontor", "rum", "nb", "ub", "box", "c", "o", "co", "nr", "th", "tv", "gatuhus", "gårdshus");

    SwedishAddress {
        foldedWords = List.copyOf(foldedWords);
    }

    /**
     * Every way the address may be read, the usual reading first. "Gruvg." may be Gruv-gatan ("g." for gatan) or
     * Gru-vägen ("vg." for vägen); such a street is read both ways, and the matcher takes neither reading as sure.
     */
    static List<SwedishAddress> readings(String streetLine, String postalCode, String city) {
        Optional<SwedishAddress> usual = parse(streetLine, postalCode, city);
        if (usual.isEmpty()) {
            return List.of();
        }
        Matcher gatanOrVagen = VG_OR_G.matcher(streetLine);
        if (!gatanOrVagen.find()) {
            return List.of(usual.get());
        }
        String asGatan = streetLine.substring(0, gatanOrVagen.start()) + "gatan" + streetLine.substring(gatanOrVagen.end());
        return Stream.concat(usual.stream(), parse(asGatan, postalCode, city).stream()).distinct().toList();
    }

    /**
     * Parses an address. The street line may carry the postal code and town after the number; the separate fields
     * win when given. Empty when there is no street name to match on.
     */
    static Optional<SwedishAddress> parse(String streetLine, String postalCode, String city) {
        if (streetLine == null || streetLine.isBlank()) {
            return Optional.empty();
        }
        List<Token> tokens = tokens(streetLine);
        int at = 0;
        List<String> words = new ArrayList<>();
        Number number = null;
        if (!tokens.isEmpty() && tokens.get(0).isNumber() && tokens.size() > 1 && tokens.get(1).isWord()
                && ORDINAL.matcher(tokens.get(0).text()).matches() && !ordinal(tokens.get(0).text()).isEmpty()) {
            words.add(ordinal(tokens.get(0).text()));
            at = 1;
        } else if (!tokens.isEmpty() && tokens.get(0).isNumber() && tokens.size() > 1 && tokens.get(1).isWord()) {
            // "12 Kungsgatan", as visitors write it.
            number = houseNumber(tokens, 0);
            at = number == null ? 0 : number.end();
        }
        while (at < tokens.size() && tokens.get(at).isWord()) {
            words.add(tokens.get(at).text());
            at++;
        }
        if (words.size() > 1 && new Token(words.get(words.size() - 1)).bare().equals("nr")) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (number == null && at < tokens.size() && tokens.get(at).isNumber()) {
            number = houseNumber(tokens, at);
            if (number != null) {
                at = number.end();
            }
        }
        Rest rest = rest(tokens, at);
        String street = canonicalStreet(words);
        if (street.isEmpty()) {
            return Optional.empty();
        }
        List<String> foldedWords = List.of(street.split(" ")).stream().map(SwedishAddress::fold).toList();
        String postal = postalDigits(postalCode);
        if (postal.isEmpty()) {
            postal = rest.postalCode();
        }
        String town = canonicalCity(city);
        if (town == null) {
            town = rest.city();
        }
        return Optional.of(new SwedishAddress(street, foldedWords, String.join("", foldedWords),
                number == null ? 0 : number.from(), number == null ? 0 : number.to(),
                number == null ? "" : number.letter(), postal, town));
    }

    /** The address as one lookup key: canonical street, number, letter, range and postal code digits. */
    String key() {
        return street + (number == 0 ? "" : " " + numberText()) + "|" + postalCode;
    }

    String numberText() {
        if (number == 0) {
            return "";
        }
        return number + letter + (numberTo == 0 ? "" : "-" + numberTo);
    }

    /**
     * The address index keys of this address: the folded street with each house number, and each house number with
     * the postal code. Any two addresses {@link AddressComparison} finds alike share at least one of them, so a
     * lookup reads only these documents by primary key.
     */
    List<String> indexKeys() {
        List<String> keys = new ArrayList<>();
        for (int n : numbers()) {
            String numberPart = n == 0 ? "" : Integer.toString(n);
            keys.add("f|" + folded + "|" + numberPart);
            if (!postalCode.isEmpty()) {
                keys.add("n|" + numberPart + "|" + postalCode);
            }
        }
        return keys;
    }

    /** The house numbers the address covers: one, or every number of a range on the same side of the street. */
    List<Integer> numbers() {
        if (number == 0) {
            return List.of(0);
        }
        if (numberTo <= number) {
            return List.of(number);
        }
        int step = (numberTo - number) % 2 == 0 ? 2 : 1;
        List<Integer> numbers = new ArrayList<>();
        for (int n = number; n <= numberTo && numbers.size() < MAX_NUMBERS; n += step) {
            numbers.add(n);
        }
        return numbers;
    }

    /** The postal town folded for comparison, or null when unknown. */
    String foldedCity() {
        return city == null ? null : fold(city).replace(" ", "");
    }

    boolean inGoteborg() {
        String town = foldedCity();
        return town != null && (town.equals(fold(GOTEBORG)) || CITY_DISTRICT_TOWNS.contains(town));
    }

    /** Lower case, composed, without diacritics: å, ä → a, ö → o, é → e. */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The five digits of a postal code written "411 19", "41119" or "SE-411 19"; empty for anything else. */
    static String postalDigits(String postalCode) {
        if (postalCode == null) {
            return "";
        }
        String digits = NON_DIGITS.matcher(postalCode).replaceAll("");
        return digits.length() == 5 ? digits : "";
    }

    /** The postal town in one spelling ("göteborg" for Gothenburg, Gbg and the rest), or null when blank. */
    static String canonicalCity(String city) {
        if (city == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (Token token : tokens(city)) {
            if (token.isWord() && !COUNTRY_WORDS.contains(token.bare())) {
                words.add(token.bare().replace(":", ""));
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        if (words.size() > 1 && PREFIXES.containsKey(words.get(0)) && words.get(0).length() == 1) {
            words.set(0, PREFIXES.get(words.get(0)));
        }
        String joined = String.join(" ", words);
        String folded = fold(joined).replace(" ", "");
        if (GOTEBORG_NAMES.contains(folded) || GOTEBORG_NAMES.contains(fold(words.get(0)))) {
            return GOTEBORG;
        }
        return joined;
    }

    private static String canonicalStreet(List<String> rawWords) {
        List<Token> words = rawWords.stream().map(Token::new).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Token word = words.get(i);
            String bare = word.bare();
            boolean first = i == 0;
            boolean last = i == words.size() - 1;
            if (first && !last && PREFIXES.containsKey(bare)) {
                out.add(PREFIXES.get(bare));
            } else if (last && !first && (bare.equals("g") || bare.equals("gt") || bare.equals("gatan"))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "gatan");
            } else if (last && !first && (bare.equals("v") || bare.equals("vg") || bare.equals("vägen"))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "vägen");
            } else if (last) {
                out.add(suffixWrittenOut(word));
            } else {
                out.add(bare.replace(":", ""));
            }
        }
        String street = String.join(" ", out).strip();
        return STREET_ALIASES.getOrDefault(street, street);
    }

    /** "Kungsg." and "Kungsgt" are Kungsgatan, "Redbergsv." and "Redbergsvg" are Redbergsvägen. */
    private static String suffixWrittenOut(Token word) {
        String bare = word.bare().replace(":", "");
        int length = bare.length();
        if (length >= 4 && bare.endsWith("gt")) {
            return bare.substring(0, length - 2) + "gatan";
        }
        if (length >= 4 && bare.endsWith("vg")) {
            return bare.substring(0, length - 2) + "vägen";
        }
        if (word.dotted() && length >= 5 && bare.endsWith("väg")) {
            return bare + "en";
        }
        if (word.dotted() && length >= 3 && bare.endsWith("g") && !bare.endsWith("torg")) {
            return bare.substring(0, length - 1) + "gatan";
        }
        if (word.dotted() && length >= 3 && bare.endsWith("v")) {
            return bare.substring(0, length - 1) + "vägen";
        }
        return bare;
    }

    private static String ordinal(String token) {
        Matcher ordinal = ORDINAL.matcher(token);
        if (!ordinal.matches()) {
            return "";
        }
        int n = Integer.parseInt(ordinal.group(1));
        return n >= 1 && n < ORDINALS.length ? ORDINALS[n] : "";
    }

    private record Number(int from, int to, String letter, int end) {
    }

    /** The house number starting at {@code at}, with a letter written apart ("12 a"); null when it is a postal code. */
    private static Number houseNumber(List<Token> tokens, int at) {
        String text = tokens.get(at).bare();
        Matcher matcher = HOUSE_NUMBER.matcher(text);
        if (!matcher.matches() || looksLikePostalCode(tokens, at)) {
            return null;
        }
        int from = Integer.parseInt(matcher.group(1));
        int to = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        String letter = matcher.group(2) == null ? "" : matcher.group(2);
        int end = at + 1;
        if (letter.isEmpty() && to == 0 && end < tokens.size() && tokens.get(end).isSingleLetter()) {
            letter = tokens.get(end).bare();
            end++;
        }
        if (from == 0) {
            return null;
        }
        return new Number(from, to > from ? to : 0, letter, end);
    }

    private static boolean looksLikePostalCode(List<Token> tokens, int at) {
        String text = tokens.get(at).text();
        return text.length() == 3 && DIGITS.matcher(text).matches() && at + 1 < tokens.size()
                && tokens.get(at + 1).text().length() == 2 && DIGITS.matcher(tokens.get(at + 1).text()).matches();
    }

    private record Rest(String postalCode, String city) {
    }

    /**
     * What follows the house number: door and floor noise, then perhaps a postal code and a town. A town is taken
     * after a postal code, or from a part of its own between commas when it is only words that are not door words.
     */
    private static Rest rest(List<Token> tokens, int from) {
        String postal = "";
        String city = null;
        int cityFrom = -1;
        for (int i = from; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            if (text.length() == 5 && DIGITS.matcher(text).matches()) {
                postal = text;
                cityFrom = i + 1;
                break;
            }
            if (looksLikePostalCode(tokens, i)) {
                postal = text + tokens.get(i + 1).text();
                cityFrom = i + 2;
                break;
            }
        }
        if (cityFrom >= 0) {
            city = canonicalCity(wordsUntilComma(tokens, cityFrom));
        }
        if (city == null) {
            city = townPart(tokens, from);
        }
        return new Rest(postal, city);
    }

    private static String townPart(List<Token> tokens, int from) {
        List<String> part = new ArrayList<>();
        boolean onlyWords = true;
        for (int i = from; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).isComma()) {
                if (onlyWords && !part.isEmpty()) {
                    String town = canonicalCity(String.join(" ", part));
                    if (town != null) {
                        return town;
                    }
                }
                part.clear();
                onlyWords = true;
                continue;
            }
            Token token = tokens.get(i);
            if (!token.isWord() || DOOR_WORDS.contains(token.bare()) || token.isSingleLetter()) {
                onlyWords = false;
            } else {
                part.add(token.bare());
            }
        }
        return null;
    }

    private static String wordsUntilComma(List<Token> tokens, int from) {
        StringBuilder words = new StringBuilder();
        for (int i = from; i < tokens.size() && !tokens.get(i).isComma(); i++) {
            if (tokens.get(i).isWord()) {
                words.append(tokens.get(i).bare()).append(' ');
            }
        }
        return words.toString();
    }

    /** One word, number or comma of an address line; words keep a trailing dot, which marks an abbreviation. */
    private record Token(String text) {

        static final Token COMMA = new Token(",");

        boolean isComma() {
            return text.equals(",");
        }

        boolean isNumber() {
            return !text.isEmpty() && Character.isDigit(text.charAt(0));
        }

        boolean isWord() {
            return !isComma() && !isNumber() && !bare().isEmpty();
        }

        boolean isSingleLetter() {
            return isWord() && bare().length() == 1 && bare().charAt(0) >= 'a' && bare().charAt(0) <= 'z';
        }

        boolean dotted() {
            return text.endsWith(".");
        }

        String bare() {
            return text.replace(".", "");
        }
    }

    private static List<Token> tokens(String line) {
        String text = Normalizer.normalize(line, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        text = COUNTRY_PREFIX.matcher(text).replaceAll("");
        text = NUMBER_RANGE.matcher(text).replaceAll("$1-$2");
        text = WORD_HYPHEN.matcher(text).replaceAll(" ");
        text = INNER_DOT.matcher(text).replaceAll(". ");
        text = WORD_THEN_DIGIT.matcher(text).replaceAll(" ");
        List<Token> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || c == '.' || c == ':' || c == '-') {
                current.append(c);
            } else {
                flush(current, tokens);
                if (c == ',' || c == ';') {
                    tokens.add(Token.COMMA);
                }
            }
        }
        flush(current, tokens);
        return tokens;
    }

    private static void flush(StringBuilder current, List<Token> tokens) {
        if (current.isEmpty()) {
            return;
        }
        String text = stripEdges(current.toString());
        current.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        // A letter stuck to digits ("12a") stays with the number; digits stuck after a word ("nr12") do not happen
        // often enough to untangle.
        tokens.add(new Token(text));
    }

    /** Drops leading punctuation and trailing colons and hyphens, keeping a trailing dot. */
    private static String stripEdges(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && ".:-".indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ":-".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        String stripped = text.substring(start, end);
        // Several dots ("g..") are one abbreviation mark.
        while (stripped.endsWith("..")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
