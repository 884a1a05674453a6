package se.goteborg.vaksam.network.bulletin;

import java.util.Arrays;
import java.util.List;

/** What a bulletin says, in Swedish and in English, both always given. Plain text; a blank line starts a paragraph. */
record BulletinText(String titleSv, String titleEn, String bodySv, String bodyEn) {

    public List<String> paragraphsSv() {
        return paragraphs(bodySv);
    }

    public List<String> paragraphsEn() {
        return paragraphs(bodyEn);
    }

    private static List<String> paragraphs(String body) {
        return Arrays.stream(body.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
