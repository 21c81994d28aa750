package fr.maillage.subscription.feed;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.ProblemException;
import fr.maillage.platform.web.Problems;
import fr.maillage.subscription.events.StoredEvent;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/events}: the pull feed for partner systems that cannot receive webhooks. A partner reads
 * the events whose audience contains its institution; an admin reads all; staff are refused (403).
 * Long-polls up to {@code wait} when there is nothing to read yet.
 */
@RestController
@RequestMapping("/api/events")
@PreAuthorize("hasAnyRole('partner', 'admin')")
class FeedController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final FeedWaitScheduler waits;
    private final FeedProperties properties;
    private final JsonMapper json;

    FeedController(FeedWaitScheduler waits, FeedProperties properties, JsonMapper json) {
        this.waits = waits;
        this.properties = properties;
        this.json = json;
    }

    /**
     * @param after the {@code next} of the previous answer; absent: from the oldest event kept
     * @param types comma-separated patterns: exact types, prefixes ending in {@code .*}, or {@code *}
     * @param limit 1..500, default 100
     * @param wait ISO-8601 duration, 0..PT30S (default PT30S): how long to wait when nothing is there yet
     */
    @GetMapping
    DeferredResult<FeedResponse> feed(
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String types,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String wait,
            CurrentUser user) {
        String institution = null;
        if (!user.hasRole(Role.ADMIN)) {
            if (user.institution() == null || user.institution().isBlank()) {
                throw Problems.forbidden("This partner client has no institution.");
            }
            institution = user.institution();
        }
        FeedQuery query = new FeedQuery(cursor(after), patterns(types), limit(limit), institution);
        return waits.await(query, waitFor(wait), page -> FeedResponse.of(page, json));
    }

    private static FeedCursor cursor(String after) {
        try {
            return FeedCursor.decode(after);
        } catch (IllegalArgumentException e) {
            throw FeedService.invalidCursor(e.getMessage());
        }
    }

    private static TypePatterns patterns(String types) {
        try {
            return TypePatterns.parse(types);
        } catch (IllegalArgumentException e) {
            throw invalid("types", e.getMessage() + ".");
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw invalid("limit", "'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private Duration waitFor(String wait) {
        if (wait == null) {
            return properties.maxWait();
        }
        try {
            Duration value = Duration.parse(wait.trim());
            if (!value.isNegative() && value.compareTo(properties.maxWait()) <= 0) {
                return value;
            }
        } catch (DateTimeParseException notADuration) {
            // answered below
        }
        throw invalid("wait", "'wait' must be an ISO-8601 duration from PT0S to " + properties.maxWait() + ".");
    }

    private static ProblemException invalid(String parameter, String detail) {
        return Problems.badRequest("invalid-parameter", detail).with("parameter", parameter);
    }

    /**
     * @param events the CloudEvents in structured JSON, as their producers published them
     * @param next the cursor to pass as {@code after} next time
     */
    record FeedResponse(List<JsonNode> events, String next) {

        static FeedResponse of(FeedPage page, JsonMapper json) {
            return new FeedResponse(
                    page.events().stream()
                            .map(StoredEvent::cloudEvent)
                            .map(json::readTree)
                            .toList(),
                    page.next().encode());
        }
    }
}
