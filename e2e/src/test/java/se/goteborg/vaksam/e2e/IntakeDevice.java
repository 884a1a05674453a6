package se.goteborg.vaksam.e2e;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's reception PC or phone the way a browser uses the intake pages, without the browser: it opens the
 * enrolment link its organisation was given, confirms, and from then on sends tips through the form with the
 * device's cookie, never a member key. Forms are read for their CSRF token and submission id first, like a browser
 * would send them.
 */
final class IntakeDevice {

    private static final Pattern SUBMISSION_ID = Pattern.compile("name=\"submissionId\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"key\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern RECEIPT_CODE = Pattern.compile("id=\"receipt-code\"[^>]*>\\s*([^<\\s][^<]*?)\\s*<");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    private IntakeDevice(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Opens {@code enrolmentUrl} (which names the public base URL, here the gateway) and confirms it; the device then
     * lands on its channel's form, which is returned as the path it landed on.
     */
    static IntakeDevice enrol(String baseUrl, String enrolmentUrl, String expectedFormPath) {
        IntakeDevice device = new IntakeDevice(baseUrl);
        HttpResponse<String> page = device.send(HttpRequest.newBuilder(URI.create(enrolmentUrl)).GET());
        if (page.statusCode() != 200) {
            throw new AssertionError("the enrolment link answered " + page.statusCode());
        }
        HttpResponse<String> landed = device.post("/intake/enrol", List.of(
                Map.entry("_csrf", token(page.body())), Map.entry("key", group(KEY, page.body(), "key"))));
        if (landed.statusCode() != 200 || !landed.uri().getPath().equals(expectedFormPath)) {
            throw new AssertionError("enrolment landed on " + landed.uri() + " (" + landed.statusCode() + ")");
        }
        return device;
    }

    /** Fills in the hotel form with these fields and sends it; answers the receipt code the confirmation shows. */
    String sendHotelTip(List<Map.Entry<String, String>> fields) {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(baseUrl + "/intake/hotel")).GET());
        List<Map.Entry<String, String>> body = new ArrayList<>(fields);
        body.add(Map.entry("_csrf", token(form.body())));
        body.add(Map.entry("submissionId", group(SUBMISSION_ID, form.body(), "submissionId")));
        HttpResponse<String> confirmation = post("/intake/hotel", body);
        if (confirmation.statusCode() != 201) {
            throw new AssertionError("the hotel form answered " + confirmation.statusCode());
        }
        return group(RECEIPT_CODE, confirmation.body(), "receipt code");
    }

    /** The status of the page at {@code path} as this device sees it. */
    int status(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()).statusCode();
    }

    private HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        return send(PageForms.post(URI.create(baseUrl + path), fields));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return PageForms.send(browser, request, "text/html", TIMEOUT);
    }

    private static String token(String html) {
        return PageForms.csrfToken(html, "the page");
    }

    private static String group(Pattern pattern, String html, String what) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("the page shows no " + what);
        }
        return matcher.group(1);
    }
}
