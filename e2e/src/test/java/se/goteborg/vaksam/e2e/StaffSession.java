package se.goteborg.vaksam.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person logged in at the gateway the way a browser does it, without the browser: the gateway starts the
 * authorization code flow with PKCE, identity's login form takes the password (with its CSRF token), and the gateway
 * keeps the session in a cookie. Requests after that carry the cookie and follow no redirects, so each answer is the
 * page's own.
 */
final class StaffSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient pages;

    private StaffSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.pages = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Nobody logged in: requests carry no session. */
    static StaffSession anonymous(String baseUrl) {
        return new StaffSession(baseUrl);
    }

    /** Logs {@code username} in with the demo password, starting from {@code page}. */
    static StaffSession logIn(String baseUrl, String username, String page) {
        StaffSession session = new StaffSession(baseUrl);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(session.cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> form = send(browser, HttpRequest.newBuilder(URI.create(baseUrl + page)).GET());
        if (!form.uri().getPath().equals("/login")) {
            throw new AssertionError("expected identity's login form for " + username + ", got " + form.uri());
        }
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("identity's login form has no CSRF token");
        }
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String body = "username=" + encode(username) + "&password=" + encode("demo") + "&_csrf=" + encode(token);
        HttpResponse<String> landed = send(browser, HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (!landed.uri().getPath().equals(page)) {
            throw new AssertionError(username + " landed on " + landed.uri() + " (" + landed.statusCode() + ")");
        }
        return session;
    }

    /** The status of a request to {@code path}; a POST carries no CSRF token. */
    int status(String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        request = method.equals("GET") ? request.GET()
                : request.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(""));
        return send(pages, request).statusCode();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            // What a browser asks for: identity sends only browsers on to its login form.
            return client.send(request.header("Accept", "text/html,application/xhtml+xml").timeout(TIMEOUT).build(),
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
