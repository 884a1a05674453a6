package se.goteborg.vaksam.testsupport.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A page as a test reads it: status, the HTML parsed by jsoup, headers and the cookies it set; the fields a browser
 * would send from one of its forms; and the checks every Vaksam page must pass ({@link #assertWellFormed}).
 */
public record HtmlPage(int status, Document html, HttpHeaders headers, Map<String, String> cookies) {

    public static HtmlPage of(EntityExchangeResult<String> result) {
        String body = result.getResponseBody() == null ? "" : result.getResponseBody();
        Map<String, String> cookies = new LinkedHashMap<>();
        result.getResponseCookies().forEach((name, values) -> values.forEach(c -> cookies.put(name, c.getValue())));
        return new HtmlPage(result.getStatus().value(), Jsoup.parse(body), result.getResponseHeaders(), cookies);
    }

    /**
     * The fields a browser would send from the form {@code selector} selects: hidden and filled inputs, checked radios
     * and check boxes, the selected option of each select, and text areas; no file inputs and no buttons.
     */
    public MultiValueMap<String, String> form(String selector) {
        Element form = html.selectFirst(selector);
        assertThat(form).as(selector).isNotNull();
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            boolean unchecked = ("radio".equals(type) || "checkbox".equals(type)) && !input.hasAttr("checked");
            if (unchecked || "file".equals(type)) {
                continue;
            }
            fields.add(input.attr("name"), input.val());
        }
        for (Element select : form.select("select[name]")) {
            Element selected = select.selectFirst("option[selected]");
            Element chosen = selected != null ? selected : select.selectFirst("option");
            fields.add(select.attr("name"), chosen == null ? "" : chosen.val());
        }
        for (Element area : form.select("textarea[name]")) {
            fields.add(area.attr("name"), area.val());
        }
        return fields;
    }

    /** The text of the first element {@code selector} selects, which must be there. */
    public String text(String selector) {
        Element element = html.selectFirst(selector);
        assertThat(element).as(selector).isNotNull();
        return element.text();
    }

    /**
     * No script or inline style (the pages' CSP would block them), one h1, the landmarks, a language, every input
     * labelled, no id twice.
     */
    public HtmlPage assertWellFormed() {
        assertThat(html.select("script")).as("scripts").isEmpty();
        assertThat(html.select("style, [style]")).as("inline styles").isEmpty();
        assertThat(html.select("h1")).hasSize(1);
        assertThat(html.select("header, main, footer")).hasSize(3);
        assertThat(html.selectFirst("html").attr("lang")).isIn("sv", "en");
        List<String> unlabelled = new ArrayList<>();
        for (Element input : html.select("input:not([type=hidden]), select, textarea")) {
            if (input.id().isEmpty() || html.select("label[for=" + input.id() + "]").size() != 1) {
                unlabelled.add(input.outerHtml());
            }
        }
        assertThat(unlabelled).as("inputs without exactly one label").isEmpty();
        assertThat(html.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
        return this;
    }
}
