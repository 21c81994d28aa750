package fr.maillage.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request runs and its answer is kept; a retry with the
 * same key and body gets that answer again ({@code Idempotency-Replayed: true}) and creates
 * nothing; the same key with another body is 422; while the first is still running, 409. Keys are
 * per caller ({@code sub}) and per endpoint. Runs after Spring Security, so it sees the caller and
 * never keeps a 401/403. A 5xx answer is not kept: a retry runs again. Not for async handlers.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    /** Headers kept with the answer and sent again on replay. */
    static final List<String> REPLAYED_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

    private final IdempotencyStore store;

    public IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            ProblemResponses.write(
                    request,
                    response,
                    Problems.problem(
                            HttpStatus.BAD_REQUEST,
                            "invalid-idempotency-key",
                            "Invalid Idempotency-Key",
                            "The Idempotency-Key header must have 1 to " + MAX_KEY_LENGTH
                                    + " characters (a UUID is a good key)."));
            return;
        }
        // Bounded by the request-size filter that runs before this one.
        byte[] body = request.getInputStream().readAllBytes();
        Principal principal = request.getUserPrincipal();
        String caller = principal == null ? "anonymous" : principal.getName();
        String endpoint = request.getMethod() + " " + request.getRequestURI();

        switch (store.claim(key, caller, endpoint, sha256(body))) {
            case IdempotencyStore.Claim.Mismatch mismatch ->
                ProblemResponses.write(
                        request,
                        response,
                        Problems.problem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "idempotency-key-reuse",
                                "Idempotency-Key reused",
                                "This Idempotency-Key was already used for a request with another body. "
                                        + "Use a new key for a new request."));
            case IdempotencyStore.Claim.InProgress inProgress -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                ProblemResponses.write(
                        request,
                        response,
                        Problems.problem(
                                HttpStatus.CONFLICT,
                                "idempotency-key-in-progress",
                                "Request in progress",
                                "A request with this Idempotency-Key is still being processed. Retry shortly."));
            }
            case IdempotencyStore.Claim.Replay(IdempotencyStore.StoredResponse stored) -> replay(stored, response);
            case IdempotencyStore.Claim.Acquired(var id) -> run(id, body, request, response, chain);
        }
    }

    private void run(
            org.bson.types.ObjectId id,
            byte[] body,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            store.release(id);
            throw e;
        }
        int status = captured.getStatus();
        if (status >= 500) {
            store.release(id);
        } else {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : REPLAYED_HEADERS) {
                String value =
                        HttpHeaders.CONTENT_TYPE.equals(name) ? captured.getContentType() : captured.getHeader(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            try {
                store.complete(id, status, headers, captured.getContentAsByteArray());
            } catch (RuntimeException e) {
                // The work is done; a retry will wait for the in-progress timeout rather than run twice at once.
                logger.error("Could not store the answer for an Idempotency-Key", e);
            }
        }
        captured.copyBodyToResponse();
    }

    private static void replay(IdempotencyStore.StoredResponse stored, HttpServletResponse response)
            throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach((name, value) -> {
            if (HttpHeaders.CONTENT_TYPE.equals(name)) {
                response.setContentType(value);
            } else {
                response.setHeader(name, value);
            }
        });
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
        response.flushBuffer();
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Idempotent requests are read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
