package fr.maillage.platform.testing;

import fr.maillage.localstack.oidc.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls to a service under test on {@code http://127.0.0.1:<port>}: a bearer token (or none),
 * JSON bodies and extra headers given as name/value pairs.
 *
 * <pre>{@code
 * ServiceHttp http = ServiceHttp.onPort(port);
 * HttpResponse<String> created = http.post("/api/alerts", ServiceHttp.demoToken("partner-epsm"), body);
 * HttpResponse<String> read = http.get("/api/persons/" + ref, token, "X-Access-Reason", "care");
 * }</pre>
 *
 * Every call returns the response whatever its status: tests assert on it.
 */
public final class ServiceHttp {

    /** HTTP/1.1: what the services and the gateway serve on plain HTTP (no h2c upgrade attempt). */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;

    private ServiceHttp(URI base) {
        this.base = base;
    }

    /** A service listening on {@code 127.0.0.1:port} (the {@code @LocalServerPort}). */
    public static ServiceHttp onPort(int port) {
        return new ServiceHttp(URI.create("http://127.0.0.1:" + port));
    }

    /** The bearer token of a demo user or partner client ({@code coord-bievre}, {@code partner-epsm} …); null for null. */
    public static String demoToken(String demoName) {
        return demoName == null ? null : TestTokens.demo(demoName).token();
    }

    /** {@code http://127.0.0.1:<port>} followed by the path (and query). */
    public URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    public HttpResponse<String> get(String path, String token, String... headers) {
        return send(request(path, token, headers).GET());
    }

    /** A POST labelled {@code application/json}; a null {@code json} is sent as an empty body, still labelled. */
    public HttpResponse<String> post(String path, String token, String json, String... headers) {
        return send(withJson(request(path, token, headers), json == null ? "" : json, "POST"));
    }

    /** A PUT labelled {@code application/json}; a null {@code json} is sent as an empty body, still labelled. */
    public HttpResponse<String> put(String path, String token, String json, String... headers) {
        return send(withJson(request(path, token, headers), json == null ? "" : json, "PUT"));
    }

    public HttpResponse<String> delete(String path, String token, String... headers) {
        return send(request(path, token, headers).DELETE());
    }

    /**
     * Any method. A null {@code json} sends no body and no {@code Content-Type} at all (a POST without a
     * body, a GET with headers only); otherwise the body is labelled {@code application/json}.
     */
    public HttpResponse<String> send(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request = request(path, token, headers);
        if (json == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(withJson(request, json, method));
    }

    /**
     * The request before its method and body, for what the shortcuts above do not cover: the URI, a 30 s
     * timeout, {@code Authorization: Bearer <token>} when the token is not null, then the extra headers.
     */
    public HttpRequest.Builder request(String path, String token, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("Headers come as name/value pairs, got " + headers.length + " strings");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** Sends a request built by hand (see {@link #request}) and reads the body as text. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Extra headers held in a map, as the name/value pairs the calls take. */
    public static String[] headers(Map<String, String> headers) {
        return headers.entrySet().stream()
                .flatMap(header -> Stream.of(header.getKey(), header.getValue()))
                .toArray(String[]::new);
    }

    /** The response body as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A map, record or list as a JSON body. */
    public static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder request, String json, String method) {
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
}
