package se.goteborg.vaksam.e2e;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A person logged in at the gateway the way a browser does it, without the browser: the gateway starts the
 * authorization code flow with PKCE, identity's login form takes the password (with its CSRF token), and the gateway
 * keeps the session in a cookie. Requests after that carry the cookie and follow no redirects, so each answer is the
 * page's own.
 */
final class StaffSession {

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
        String token = PageForms.csrfToken(form.body(), "identity's login form");
        HttpResponse<String> landed = send(browser, PageForms.post(URI.create(baseUrl + "/login"), List.of(
                Map.entry("username", username), Map.entry("password", "demo"), Map.entry("_csrf", token))));
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
        // What a browser asks for: identity sends only browsers on to its login form.
        return PageForms.send(client, request, "text/html,application/xhtml+xml", TIMEOUT);
    }
}
