package fr.maillage.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ServiceHttp against a real loopback HTTP server that answers with what it received. */
class ServiceHttpTests {

    private static HttpServer echo;

    private static ServiceHttp http;

    @BeforeAll
    static void startEchoServer() throws IOException {
        echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", ServiceHttpTests::answerWithWhatCame);
        echo.start();
        http = ServiceHttp.onPort(echo.getAddress().getPort());
    }

    @AfterAll
    static void stopEchoServer() {
        echo.stop(0);
    }

    @Test
    void getCarriesTheDemoUsersTokenAndTheExtraHeaders() {
        HttpResponse<String> response = http.get(
                "/api/persons/p-1?view=full", ServiceHttp.demoToken("coord-bievre"), "X-Access-Reason", "care");

        JsonNode received = ServiceHttp.json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received.path("method").asString()).isEqualTo("GET");
        assertThat(received.path("target").asString()).isEqualTo("/api/persons/p-1?view=full");
        assertThat(received.path("x-access-reason").asString()).isEqualTo("care");
        assertThat(received.path("content-type").isMissingNode()).isTrue();
        assertThat(usernameIn(received.path("authorization").asString())).isEqualTo("coord-bievre");
    }

    @Test
    void postAndPutLabelTheirBodyAsJson() {
        JsonNode posted = ServiceHttp.json(http.post("/api/things", "a-token", "{\"a\":1}", "Idempotency-Key", "k-1"));
        JsonNode put = ServiceHttp.json(http.put("/api/things/1", "a-token", "{\"a\":2}", "If-Match", "\"3\""));

        assertThat(posted.path("method").asString()).isEqualTo("POST");
        assertThat(posted.path("body").asString()).isEqualTo("{\"a\":1}");
        assertThat(posted.path("content-type").asString()).isEqualTo("application/json");
        assertThat(posted.path("idempotency-key").asString()).isEqualTo("k-1");
        assertThat(posted.path("authorization").asString()).isEqualTo("Bearer a-token");
        assertThat(put.path("method").asString()).isEqualTo("PUT");
        assertThat(put.path("body").asString()).isEqualTo("{\"a\":2}");
        assertThat(put.path("if-match").asString()).isEqualTo("\"3\"");
    }

    @Test
    void aNullJsonBodyIsPostedEmptyButStillLabelled() {
        JsonNode received = ServiceHttp.json(http.post("/api/things/1/close", "a-token", null));

        assertThat(received.path("body").asString()).isEmpty();
        assertThat(received.path("content-type").asString()).isEqualTo("application/json");
    }

    @Test
    void anyMethodWithoutABodyHasNoContentType() {
        JsonNode posted = ServiceHttp.json(http.send("POST", "/api/things/1/close", "a-token", null));
        JsonNode deleted = ServiceHttp.json(http.delete("/api/things/1", "a-token"));
        JsonNode patched = ServiceHttp.json(http.send("PATCH", "/api/things/1", "a-token", "{\"b\":true}"));

        assertThat(posted.path("method").asString()).isEqualTo("POST");
        assertThat(posted.path("content-type").isMissingNode()).isTrue();
        assertThat(posted.path("body").asString()).isEmpty();
        assertThat(deleted.path("method").asString()).isEqualTo("DELETE");
        assertThat(patched.path("method").asString()).isEqualTo("PATCH");
        assertThat(patched.path("content-type").asString()).isEqualTo("application/json");
        assertThat(patched.path("body").asString()).isEqualTo("{\"b\":true}");
    }

    @Test
    void withoutATokenNoAuthorizationIsSent() {
        JsonNode received = ServiceHttp.json(http.get("/api/anything", null));

        assertThat(received.path("authorization").isMissingNode()).isTrue();
        assertThat(ServiceHttp.demoToken(null)).isNull();
    }

    @Test
    void headersHeldInAMapBecomePairs() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", "k-2");
        headers.put("X-Access-Reason", "audit");

        assertThat(ServiceHttp.headers(headers)).containsExactly("Idempotency-Key", "k-2", "X-Access-Reason", "audit");
        JsonNode received = ServiceHttp.json(http.post("/api/things", null, "{}", ServiceHttp.headers(headers)));
        assertThat(received.path("idempotency-key").asString()).isEqualTo("k-2");
        assertThat(received.path("x-access-reason").asString()).isEqualTo("audit");
    }

    @Test
    void anUnpairedHeaderIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> http.get("/api/anything", null, "X-Access-Reason"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name/value pairs");
    }

    @Test
    void bodiesAreWrittenAsJson() {
        assertThat(ServiceHttp.json(Map.of("communes", List.of("38260")))).isEqualTo("{\"communes\":[\"38260\"]}");
        assertThat(http.uri("/api/x?y=1").toString())
                .isEqualTo("http://127.0.0.1:" + echo.getAddress().getPort() + "/api/x?y=1");
    }

    private static String usernameIn(String authorization) {
        assertThat(authorization).startsWith("Bearer ");
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return JsonMapper.shared()
                .readTree(Base64.getUrlDecoder().decode(payload))
                .path("preferred_username")
                .asString();
    }

    private static void answerWithWhatCame(HttpExchange exchange) throws IOException {
        Map<String, String> received = new LinkedHashMap<>();
        received.put("method", exchange.getRequestMethod());
        received.put("target", exchange.getRequestURI().toString());
        received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.getRequestHeaders()
                .forEach((name, values) -> received.put(name.toLowerCase(), String.join(",", values)));
        byte[] answer = JsonMapper.shared().writeValueAsBytes(received);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
