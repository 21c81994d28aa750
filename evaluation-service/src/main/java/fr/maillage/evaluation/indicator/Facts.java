package fr.maillage.evaluation.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The facts of each subject as the formulas read them, made from a fact document (a MongoDB document or
 * the in-memory fold's map: instants may come as {@link Date} or {@link Instant}). Absent fields are null.
 */
public final class Facts {

    private Facts() {}

    /** A referral: its cohort instant is {@code submittedAt}. */
    public record ReferralFact(
            String id,
            String territory,
            Instant submittedAt,
            Instant answerDueBy,
            boolean redirection,
            boolean viaAlert,
            Instant acceptedAt,
            Instant declinedAt,
            Instant redirectedAt,
            Instant cancelledAt,
            Instant completedAt) {

        public static ReferralFact from(Map<String, ?> doc) {
            return new ReferralFact(
                    idOf(doc),
                    string(doc, "territory"),
                    instant(doc, "submittedAt"),
                    instant(doc, "answerDueBy"),
                    flag(doc, "redirection"),
                    flag(doc, "viaAlert"),
                    instant(doc, "acceptedAt"),
                    instant(doc, "declinedAt"),
                    instant(doc, "redirectedAt"),
                    instant(doc, "cancelledAt"),
                    instant(doc, "completedAt"));
        }

        /** The first answer of the receiving side (accepted, declined or redirected), or null. */
        public Instant firstAnswerAt() {
            return earliest(acceptedAt, declinedAt, redirectedAt);
        }

        public boolean answered() {
            return firstAnswerAt() != null;
        }

        /**
         * The current status, from the most final fact known: COMPLETED, CANCELLED, DECLINED, REDIRECTED,
         * ACCEPTED (also while in progress), else SUBMITTED.
         */
        public String status() {
            if (completedAt != null) {
                return "COMPLETED";
            }
            if (cancelledAt != null) {
                return "CANCELLED";
            }
            if (declinedAt != null) {
                return "DECLINED";
            }
            if (redirectedAt != null) {
                return "REDIRECTED";
            }
            if (acceptedAt != null) {
                return "ACCEPTED";
            }
            return "SUBMITTED";
        }

        /** ALERT when an alert's response named it, else REDIRECTION when a redirection created it, else DIRECT. */
        public String source() {
            if (viaAlert) {
                return "ALERT";
            }
            return redirection ? "REDIRECTION" : "DIRECT";
        }
    }

    /** An alert: its cohort instant is {@code raisedAt}. */
    public record AlertFact(
            String id,
            String territory,
            Instant raisedAt,
            Instant firstQualifiedAt,
            List<Qualification> qualifications,
            List<Response> responses,
            Integer escalationLevel,
            Instant feedbackSentAt,
            Instant closedAt,
            boolean feedbackGiven,
            boolean feedbackWaived) {

        public AlertFact {
            qualifications = List.copyOf(qualifications);
            responses = List.copyOf(responses);
        }

        public static AlertFact from(Map<String, ?> doc) {
            return new AlertFact(
                    idOf(doc),
                    string(doc, "territory"),
                    instant(doc, "raisedAt"),
                    instant(doc, "firstQualifiedAt"),
                    maps(doc, "qualifications").stream()
                            .map(q -> new Qualification(instant(q, "at"), string(q, "urgency"), instant(q, "dueBy")))
                            .toList(),
                    maps(doc, "responses").stream()
                            .map(r -> new Response(instant(r, "at"), string(r, "urgency"), flag(r, "withinTarget")))
                            .toList(),
                    integer(doc, "escalationLevel"),
                    instant(doc, "feedbackSentAt"),
                    instant(doc, "closedAt"),
                    flag(doc, "feedbackGiven"),
                    flag(doc, "feedbackWaived"));
        }

        /** The latest qualification (a re-qualification replaces the earlier one), or null. */
        public Qualification qualification() {
            return qualifications.stream()
                    .filter(q -> q.at() != null)
                    .max(Comparator.comparing(Qualification::at))
                    .orElse(null);
        }

        /** The first response (it stops the clock), or null. */
        public Response firstResponse() {
            return responses.stream()
                    .filter(r -> r.at() != null)
                    .min(Comparator.comparing(Response::at))
                    .orElse(null);
        }

        /** The decided urgency: the latest qualification's, else the one the first response carries; null if none. */
        public String urgency() {
            Qualification qualification = qualification();
            if (qualification != null) {
                return qualification.urgency();
            }
            Response response = firstResponse();
            return response == null ? null : response.urgency();
        }

        /** When the response is due: the latest qualification's due time, or null. */
        public Instant dueBy() {
            Qualification qualification = qualification();
            return qualification == null ? null : qualification.dueBy();
        }

        public boolean feedbackToEmitter() {
            return feedbackGiven || feedbackSentAt != null;
        }

        public record Qualification(Instant at, String urgency, Instant dueBy) {}

        public record Response(Instant at, String urgency, boolean withinTarget) {}
    }

    /** A workshop group. */
    public record GroupFact(
            String id,
            String territory,
            Integer capacity,
            Instant firstSessionAt,
            Instant cancelledAt,
            String cancelReason,
            Instant completedAt,
            Integer completedCount,
            Integer notCompletedCount,
            Integer withdrawnCount) {

        public static final String MINIMUM_NOT_REACHED = "minimum-not-reached";

        public static GroupFact from(Map<String, ?> doc) {
            return new GroupFact(
                    idOf(doc),
                    string(doc, "territory"),
                    integer(doc, "capacity"),
                    instant(doc, "firstSessionAt"),
                    instant(doc, "cancelledAt"),
                    string(doc, "cancelReason"),
                    instant(doc, "completedAt"),
                    integer(doc, "completedCount"),
                    integer(doc, "notCompletedCount"),
                    integer(doc, "withdrawnCount"));
        }

        /** Cancelled or completed before {@code instant}. */
        public boolean endedBefore(Instant instant) {
            return (cancelledAt != null && cancelledAt.isBefore(instant))
                    || (completedAt != null && completedAt.isBefore(instant));
        }
    }

    /** A person's place (or wait for one) in a workshop group, without the person. */
    public record EnrolmentFact(
            String id,
            String territory,
            String groupId,
            Instant confirmedAt,
            Instant waitlistedAt,
            Instant withdrewAt,
            Instant firstDisengagedAt) {

        public static EnrolmentFact from(Map<String, ?> doc) {
            return new EnrolmentFact(
                    idOf(doc),
                    string(doc, "territory"),
                    string(doc, "groupId"),
                    instant(doc, "confirmedAt"),
                    instant(doc, "waitlistedAt"),
                    instant(doc, "withdrewAt"),
                    instant(doc, "firstDisengagedAt"));
        }
    }

    /** A session of a workshop group, with every revision of its attendance counts. */
    public record SessionFact(
            String id,
            String territory,
            String groupId,
            String kind,
            Instant startsAt,
            Integer revision,
            Map<String, Attendance> revisions) {

        public SessionFact {
            revisions = Map.copyOf(revisions);
        }

        public static SessionFact from(Map<String, ?> doc) {
            Map<String, Attendance> revisions = new LinkedHashMap<>();
            Object value = doc.get("revisions");
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, counts) -> {
                    if (counts instanceof Map<?, ?> c) {
                        @SuppressWarnings("unchecked")
                        Map<String, ?> typed = (Map<String, ?>) c;
                        revisions.put(
                                String.valueOf(key),
                                new Attendance(
                                        Objects.requireNonNullElse(integer(typed, "enrolled"), 0),
                                        Objects.requireNonNullElse(integer(typed, "present"), 0)));
                    }
                });
            }
            return new SessionFact(
                    idOf(doc),
                    string(doc, "territory"),
                    string(doc, "groupId"),
                    string(doc, "kind"),
                    instant(doc, "startsAt"),
                    integer(doc, "revision"),
                    revisions);
        }

        /** The counts of the highest revision, or null when it is not known yet. */
        public Attendance current() {
            return revision == null ? null : revisions.get("r" + revision);
        }

        public record Attendance(int enrolled, int present) {}
    }

    /** A pluriprofessional meeting. */
    public record MeetingFact(
            String id,
            String territory,
            String kind,
            Instant startsAt,
            Instant heldAt,
            Instant cancelledAt,
            Integer professions) {

        public static MeetingFact from(Map<String, ?> doc) {
            return new MeetingFact(
                    idOf(doc),
                    string(doc, "territory"),
                    string(doc, "kind"),
                    instant(doc, "startsAt"),
                    instant(doc, "heldAt"),
                    instant(doc, "cancelledAt"),
                    integer(doc, "professions"));
        }

        /** When it was to start: as scheduled, else when it was held (its start). */
        public Instant plannedStart() {
            return startsAt != null ? startsAt : heldAt;
        }

        public boolean held() {
            return heldAt != null;
        }
    }

    /** An action item of a meeting's decision, due by the end of {@code dueOn} in Paris. */
    public record ActionFact(
            String id, String territory, LocalDate dueOn, Instant completedAt, Boolean onTime, Instant overdueAt) {

        public static ActionFact from(Map<String, ?> doc) {
            String dueOn = string(doc, "dueOn");
            return new ActionFact(
                    idOf(doc),
                    string(doc, "territory"),
                    dueOn == null ? null : LocalDate.parse(dueOn),
                    instant(doc, "completedAt"),
                    doc.get("onTime") instanceof Boolean b ? b : null,
                    instant(doc, "overdueAt"));
        }
    }

    // ---- reading documents

    static String idOf(Map<String, ?> doc) {
        return String.valueOf(doc.get("_id"));
    }

    static String string(Map<String, ?> doc, String field) {
        return doc.get(field) instanceof String s ? s : null;
    }

    static Instant instant(Map<String, ?> doc, String field) {
        return switch (doc.get(field)) {
            case Instant instant -> instant;
            case Date date -> date.toInstant();
            case null, default -> null;
        };
    }

    static Integer integer(Map<String, ?> doc, String field) {
        return doc.get(field) instanceof Number n ? n.intValue() : null;
    }

    static boolean flag(Map<String, ?> doc, String field) {
        return Boolean.TRUE.equals(doc.get(field));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, ?>> maps(Map<String, ?> doc, String field) {
        List<Map<String, ?>> maps = new ArrayList<>();
        if (doc.get(field) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    maps.add((Map<String, ?>) map);
                }
            }
        }
        return maps;
    }

    static Instant earliest(Instant... instants) {
        return Stream.of(instants)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
