package fr.maillage.subscription.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a feed reader is: per {@code <topic>:<partition>}, the last offset it was given (or skipped past).
 * Opaque to readers: base64url (no padding) of a JSON object such as
 * {@code {"alert.events.v1:0":41,"referral.events.v1:2":7}}. Partitions absent have given nothing yet.
 * Nothing else is kept anywhere: a cursor works on any instance, after any restart.
 */
public final class FeedCursor {

    /** A cursor longer than this is not one of ours. */
    static final int MAX_LENGTH = 8192;

    private static final Pattern PARTITION_KEY = Pattern.compile("[A-Za-z0-9._-]{1,249}:[0-9]{1,9}");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final FeedCursor START = new FeedCursor(new TreeMap<>());

    private final SortedMap<String, Long> offsets;

    private FeedCursor(SortedMap<String, Long> offsets) {
        this.offsets = Collections.unmodifiableSortedMap(offsets);
    }

    /** Before the first event. */
    public static FeedCursor start() {
        return START;
    }

    public static FeedCursor of(Map<String, Long> offsets) {
        TreeMap<String, Long> copy = new TreeMap<>();
        offsets.forEach((key, offset) -> {
            if (!PARTITION_KEY.matcher(key).matches() || offset == null || offset < 0) {
                throw new IllegalArgumentException("Not a partition position: " + key + "=" + offset);
            }
            copy.put(key, offset);
        });
        return new FeedCursor(copy);
    }

    /**
     * Reads a cursor this class wrote; null or blank: {@link #start()}.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static FeedCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Cursor too long");
        }
        JsonNode json;
        try {
            json = JSON.readTree(Base64.getUrlDecoder().decode(text.trim()));
        } catch (IllegalArgumentException | JacksonException e) {
            throw new IllegalArgumentException("Cursor is not base64url JSON", e);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("Cursor is not a JSON object");
        }
        TreeMap<String, Long> offsets = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            JsonNode offset = entry.getValue();
            if (!offset.isIntegralNumber() || !offset.canConvertToLong() || offset.asLong() < 0) {
                throw new IllegalArgumentException("Cursor offset of " + entry.getKey() + " is not an offset");
            }
            offsets.put(entry.getKey(), offset.asLong());
        }
        return of(offsets);
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(JSON.writeValueAsString(offsets).getBytes(StandardCharsets.UTF_8));
    }

    /** The last offset given of this partition; -1 when none was. */
    public long offset(String partitionKey) {
        return offsets.getOrDefault(partitionKey, -1L);
    }

    /** Partition key to offset, in key order. */
    public SortedMap<String, Long> offsets() {
        return offsets;
    }

    /** This cursor moved to at least {@code offset} on that partition (never back). */
    public FeedCursor advanced(Map<String, Long> positions) {
        TreeMap<String, Long> moved = new TreeMap<>(offsets);
        positions.forEach((key, offset) -> moved.merge(key, offset, Math::max));
        return of(moved);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeedCursor cursor && cursor.offsets.equals(offsets);
    }

    @Override
    public int hashCode() {
        return offsets.hashCode();
    }

    @Override
    public String toString() {
        return "FeedCursor" + offsets;
    }
}
