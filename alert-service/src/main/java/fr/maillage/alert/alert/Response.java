package fr.maillage.alert.alert;

import java.time.Instant;
import java.util.List;

/**
 * One operational response: what was done, by whom and when.
 *
 * @param referralId the referral made in answer, when one was
 * @param respondedBy who acted (as told by the recorder; the recorder's {@code sub} by default)
 * @param recordedBy the {@code sub} of who recorded it
 */
public record Response(
        List<ResponseAction> actions,
        String summary,
        String referralId,
        String respondedBy,
        Instant respondedAt,
        String recordedBy) {

    public Response {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    Response anonymised() {
        return new Response(actions, null, referralId, respondedBy, respondedAt, recordedBy);
    }

    @Override
    public String toString() {
        return "Response[actions=" + actions + ", respondedAt=" + respondedAt + ", redacted]";
    }
}
