package fr.maillage.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the gateway: every call is a real HTTP request with a bearer token. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // HTTP/1.1 as browsers speak to the gateway over plain http: no h2c upgrade attempt, which once
    // left a request on a reused connection unanswered until the client's time-out.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Response get(String path, String token) {
        return get(path, token, Map.of());
    }

    /** A GET with extra request headers, e.g. {@code X-Access-Reason}. */
    public Response get(String path, String token, Map<String, String> headers) {
        return send(request(path, token, headers).GET());
    }

    public Response post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    /** A POST with extra request headers, e.g. {@code If-Match}; a String body is sent as it is. */
    public Response post(String path, String token, Object body, Map<String, String> headers) {
        return send(request(path, token, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonOf(body))));
    }

    /** A PUT with extra request headers, e.g. {@code If-Match}; a String body is sent as it is. */
    public Response put(String path, String token, Object body, Map<String, String> headers) {
        return send(request(path, token, headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonOf(body))));
    }

    public Response delete(String path, String token) {
        return send(request(path, token, Map.of()).DELETE());
    }

    /**
     * A GET whose answer is kept as bytes, e.g. a PDF, with the headers a download is judged by; the
     * {@link Response} of the other calls decodes its body as text, which would spoil binary content.
     */
    public Download download(String path, String token) {
        try {
            HttpResponse<byte[]> response =
                    HTTP.send(request(path, token, Map.of()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code If-Match} header of an update, with an entity tag as an answer gave it. */
    public static Map<String, String> ifMatch(String etag) {
        if (etag == null) {
            throw new AssertionError("the answer carried no ETag to send back in If-Match");
        }
        return Map.of("If-Match", etag);
    }

    private static String jsonOf(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    private HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> json(Object... keysAndValues) {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * An HTTP answer; {@link #json()} parses the body.
     *
     * @param etag the {@code ETag} header, null when there is none
     * @param location the {@code Location} header (of a 201), null when there is none
     */
    public record Response(int status, String contentType, String body, String etag, String location) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    /**
     * A downloaded file as bytes.
     *
     * @param contentDisposition the {@code Content-Disposition} header, empty when there is none
     */
    public record Download(int status, String contentType, String contentDisposition, byte[] body) {

        /** The body read as UTF-8 text (a CSV, a JSON document, a problem). */
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            boolean binary = contentType.startsWith("application/pdf");
            return status + " " + contentType + " " + contentDisposition + " "
                    + (binary ? body.length + " bytes" : text());
        }
    }
}
