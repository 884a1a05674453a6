package se.goteborg.vaksam.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the e2e's browser-like clients (a staff session, an intake device) share: a page's CSRF token read as a browser
 * would find it, a form posted as a browser encodes it, and a request that answers or fails the test.
 */
final class PageForms {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private PageForms() {
    }

    /** The CSRF token of the form on {@code html}; {@code page} names the page when it has none. */
    static String csrfToken(String html, String page) {
        Matcher csrf = CSRF.matcher(html);
        if (!csrf.find()) {
            throw new AssertionError(page + " has no CSRF token");
        }
        return csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    }

    /** A form post of {@code fields}, in their order, URL-encoded. */
    static HttpRequest.Builder post(URI uri, List<Map.Entry<String, String>> fields) {
        String form = fields.stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, String accept, Duration timeout) {
        try {
            return client.send(request.header("Accept", accept).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
