package fr.maillage.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on a loopback port standing in for one service. Records every request;
 * answers 200 JSON unless a path prefix was given another behaviour. Can be stopped and started
 * again on the same port, as a service restarting.
 */
public final class StubService implements AutoCloseable {

    /** A request as the service received it (header names lower-case). */
    public record Received(String method, String pathAndQuery, Map<String, String> headers, int bodyLength) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** What to answer: status, JSON body, and a delay before answering. */
    public record Answer(int status, String json, Duration delay) {

        public static Answer ok() {
            return new Answer(200, "{\"ok\":true}", Duration.ZERO);
        }

        public static Answer status(int status) {
            return new Answer(status, "{\"from\":\"service\",\"status\":" + status + "}", Duration.ZERO);
        }

        public Answer after(Duration delay) {
            return new Answer(status, json, delay);
        }
    }

    private final String name;
    private int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Received, Answer>> behaviours = new ConcurrentHashMap<>();
    private volatile HttpServer server;
    private volatile ExecutorService executor;

    private StubService(String name) {
        this.name = name;
    }

    /** Starts a stub on a free loopback port. */
    public static StubService start(String name) {
        StubService stub = new StubService(name);
        stub.server = stub.bind(0);
        stub.port = stub.server.getAddress().getPort();
        return stub;
    }

    private HttpServer bind(int port) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            // virtual threads: a slow answer must not hold the others back
            executor = Executors.newVirtualThreadPerTaskExecutor();
            created.setExecutor(executor);
            created.createContext("/", this::handle);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("stub " + name + " could not bind port " + port, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Answers requests whose path starts with {@code pathPrefix} with {@code behaviour}. */
    public void when(String pathPrefix, Function<Received, Answer> behaviour) {
        behaviours.put(pathPrefix, behaviour);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedOn(String pathPrefix) {
        return received.stream()
                .filter(request -> request.pathAndQuery().startsWith(pathPrefix))
                .toList();
    }

    /** Closes the port and every open connection: the service is down. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Binds the same port again: the service is back. */
    public void restart() {
        server = bind(port);
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), values.getFirst()));
            Received request = new Received(
                    exchange.getRequestMethod(), exchange.getRequestURI().toString(), Map.copyOf(headers), body.length);
            received.add(request);
            Answer answer = behaviours.entrySet().stream()
                    .filter(entry -> request.pathAndQuery().startsWith(entry.getKey()))
                    .map(entry -> entry.getValue().apply(request))
                    .findFirst()
                    .orElseGet(Answer::ok);
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay());
            }
            byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Served-By", name);
            exchange.sendResponseHeaders(answer.status(), json.length);
            exchange.getResponseBody().write(json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
