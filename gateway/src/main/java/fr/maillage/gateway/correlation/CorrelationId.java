package fr.maillage.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/** The correlation id of a request: the client's if it is well-formed, a new UUID otherwise. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";

    /** MDC key, hence the field name in the JSON log lines. */
    public static final String MDC_KEY = "correlationId";

    static final String ATTRIBUTE = CorrelationId.class.getName();

    // Anything else (CR/LF, quotes, huge values) could forge log lines or bloat every hop.
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {}

    static String acceptOrCreate(String incoming) {
        if (incoming != null && WELL_FORMED.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }

    /** The id given to this exchange by {@link CorrelationIdFilter}, or {@code null} outside one. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
