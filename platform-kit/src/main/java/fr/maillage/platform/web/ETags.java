package fr.maillage.platform.web;

import java.util.OptionalLong;

/**
 * Optimistic concurrency over HTTP: the {@code ETag} of a resource is its version, and an update
 * must send it back in {@code If-Match}.
 */
public final class ETags {

    private ETags() {}

    /** The strong entity tag of a version: {@code "7"} with the quotes. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version in an entity tag ({@code "7"}, or {@code W/"7"}); empty if it is not one of ours. */
    public static OptionalLong version(String etag) {
        if (etag == null) {
            return OptionalLong.empty();
        }
        String tag = etag.trim();
        // A proxy that compresses may weaken the tag; the version it carries is still the same.
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether an {@code If-Match} value (one tag, a list, or {@code *}) matches the current version. */
    public static boolean matches(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            OptionalLong version = version(tag);
            if (version.isPresent() && version.getAsLong() == currentVersion) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lets an update go on only with the current version: throws 428 {@code precondition-required}
     * without {@code If-Match}, 412 {@code stale-version} when it names another version.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired("This update needs an If-Match header with the resource's current ETag "
                            + of(currentVersion) + "; read the resource to get it.")
                    .with("currentETag", of(currentVersion));
        }
        if (!matches(ifMatch, currentVersion)) {
            throw Problems.preconditionFailed("If-Match " + ifMatch.trim() + " is stale: the current version is "
                            + of(currentVersion) + ". Read the resource again and retry with its new ETag.")
                    .with("currentETag", of(currentVersion));
        }
    }
}
