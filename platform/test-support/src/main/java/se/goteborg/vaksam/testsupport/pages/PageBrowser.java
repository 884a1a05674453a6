package se.goteborg.vaksam.testsupport.pages;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A browser for tests of server-rendered pages: sends the requests a browser would (GET, form posts, file uploads)
 * through a {@link WebTestClient} that carries the login (a mocked JWT, or the bearer token the gateway relays), keeps
 * the cookies it is given (the CSRF cookie among them), drops those it is told to expire, and sends them back.
 */
public final class PageBrowser {

    private final WebTestClient client;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String acceptLanguage;

    public PageBrowser(WebTestClient client) {
        this.client = client;
    }

    /** Asks for pages in this language from now on, as a browser set to it does. */
    public PageBrowser acceptLanguage(String languages) {
        this.acceptLanguage = languages;
        return this;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** GET {@code path}, a URI template: {@code uriVariables} are encoded into it as a browser would. */
    public HtmlPage get(String path, Object... uriVariables) {
        return keep(client.get().uri(path, uriVariables).headers(this::headers)
                .cookies(sent -> cookies.forEach(sent::add)).exchange().expectBody(String.class).returnResult());
    }

    /** GET an address as it is, e.g. the {@code Location} of a redirect. */
    public HtmlPage get(URI uri) {
        return keep(client.get().uri(uri).headers(this::headers).cookies(sent -> cookies.forEach(sent::add))
                .exchange().expectBody(String.class).returnResult());
    }

    public HtmlPage post(String path, MultiValueMap<String, String> form) {
        return keep(client.post().uri(path).headers(this::headers).cookies(sent -> cookies.forEach(sent::add))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectBody(String.class).returnResult());
    }

    /** A multipart form with {@code fields} and one file part {@code file} named {@code filename}. */
    public HtmlPage upload(String path, MultiValueMap<String, String> fields, String filename, MediaType type,
                           byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        fields.forEach((name, values) -> values.forEach(value -> body.part(name, value)));
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(type);
        return keep(client.post().uri(path).headers(this::headers).cookies(sent -> cookies.forEach(sent::add))
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectBody(String.class).returnResult());
    }

    private void headers(HttpHeaders headers) {
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
    }

    private HtmlPage keep(EntityExchangeResult<String> result) {
        result.getResponseCookies().forEach((name, values) -> values.forEach(cookie -> {
            if (cookie.getMaxAge().isZero()) {
                cookies.remove(name);
            } else {
                cookies.put(name, cookie.getValue());
            }
        }));
        return HtmlPage.of(result);
    }
}
