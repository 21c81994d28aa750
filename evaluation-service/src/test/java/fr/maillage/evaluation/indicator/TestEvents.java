package fr.maillage.evaluation.indicator;

import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.events.IncomingEvent;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventPlayer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Other services' events of one territory as their producers publish them (every field their JSON Schemas
 * require, checked by {@code ProducerSchemasTests}), each with a fixed CloudEvent id so that playing it
 * again is a duplicate delivery. The personRefs used are remembered, to show the facts hold none.
 */
public final class TestEvents {

    static final String REFERRAL_TOPIC = "referral.events.v1";
    static final String ALERT_TOPIC = "alert.events.v1";
    static final String WORKSHOP_TOPIC = "workshop.events.v1";
    static final String MEETING_TOPIC = "meeting.events.v1";

    private static final CloudEventCodec CODEC = CloudEventCodec.standalone();
    private static final Set<String> AUDIENCE = Set.of("msp-bievre", "cpts-bievre");

    /** One event as played: a fixed id and time, so a replay of it is a duplicate. */
    public record TestEvent(
            String id,
            Instant time,
            String topic,
            String source,
            String type,
            String subject,
            String territory,
            Map<String, Object> data) {

        public OutboundEvent outbound() {
            return EventPlayer.event(id, time, type, subject, territory, AUDIENCE, data);
        }

        /** The event as the listener receives it (the platform's own envelope, read back). */
        IncomingEvent incoming() {
            return CODEC.read(EventPlayer.cloudEvent(source, outbound()));
        }
    }

    final String territory;
    private final List<String> personRefs = new ArrayList<>();

    public TestEvents(String territory) {
        this.territory = territory;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Every personRef put in an event so far. */
    List<String> personRefs() {
        return List.copyOf(personRefs);
    }

    private String personRef() {
        String personRef = newId();
        personRefs.add(personRef);
        return personRef;
    }

    private TestEvent event(
            String topic, String service, String type, String subject, Instant at, Map<String, Object> data) {
        return new TestEvent(
                newId(),
                at,
                topic,
                "/maillage/" + service,
                "fr.maillage." + service + "." + type + ".v1",
                subject,
                territory,
                data);
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            data.put(
                    (String) pairs[i],
                    value instanceof Instant || value instanceof LocalDate ? value.toString() : value);
        }
        return data;
    }

    // ---- referral-service

    private Map<String, Object> referral(String referralId, Object... more) {
        Map<String, Object> data = data(
                "referralId", referralId,
                "personRef", personRef(),
                "resourceId", "0f9c6c1e-5b4a-4f5e-9a53-000000000001",
                "resourceType", "CMP",
                "territory", territory,
                "priority", "ROUTINE",
                "referrerInstitution", "msp-bievre");
        data.putAll(data(more));
        return data;
    }

    TestEvent referralSubmitted(String referralId, Instant at, Duration answerWithin) {
        return referralSubmitted(referralId, at, at.plus(answerWithin), null);
    }

    TestEvent referralSubmitted(String referralId, Instant at, Instant answerDueBy, String redirectedFrom) {
        Map<String, Object> data = referral(referralId, "answerDueBy", answerDueBy);
        if (redirectedFrom != null) {
            data.put("redirectedFrom", redirectedFrom);
        }
        data.put("submittedAt", at.toString());
        return event(REFERRAL_TOPIC, "referral", "submitted", referralId, at, data);
    }

    TestEvent referralAccepted(String referralId, Instant at) {
        return event(REFERRAL_TOPIC, "referral", "accepted", referralId, at, referral(referralId, "acceptedAt", at));
    }

    TestEvent referralDeclined(String referralId, Instant at) {
        return event(
                REFERRAL_TOPIC,
                "referral",
                "declined",
                referralId,
                at,
                referral(referralId, "reasonCode", "NO_CAPACITY", "declinedAt", at));
    }

    TestEvent referralRedirected(String referralId, String toReferralId, Instant at) {
        return event(
                REFERRAL_TOPIC,
                "referral",
                "redirected",
                referralId,
                at,
                referral(
                        referralId,
                        "toReferralId",
                        toReferralId,
                        "toResourceId",
                        "0f9c6c1e-5b4a-4f5e-9a53-000000000002",
                        "reasonCode",
                        "OUT_OF_TERRITORY",
                        "redirectedAt",
                        at));
    }

    TestEvent referralCancelled(String referralId, Instant at) {
        return event(REFERRAL_TOPIC, "referral", "cancelled", referralId, at, referral(referralId, "cancelledAt", at));
    }

    TestEvent referralCompleted(String referralId, Instant at) {
        return event(REFERRAL_TOPIC, "referral", "completed", referralId, at, referral(referralId, "completedAt", at));
    }

    TestEvent referralOverdue(String referralId, Instant answerDueBy, Instant at) {
        return event(
                REFERRAL_TOPIC,
                "referral",
                "overdue",
                referralId,
                at,
                referral(referralId, "answerDueBy", answerDueBy, "overdueAt", at));
    }

    /** A type the indicators do not read. */
    TestEvent referralFirstContact(String referralId, Instant at) {
        return event(
                REFERRAL_TOPIC,
                "referral",
                "first-contact-made",
                referralId,
                at,
                referral(referralId, "firstContactAt", at, "recordedAt", at));
    }

    // ---- alert-service

    TestEvent alertRaised(String alertId, Instant raisedAt, Instant dueBy) {
        return event(
                ALERT_TOPIC,
                "alert",
                "raised",
                alertId,
                raisedAt,
                data(
                        "alertId",
                        alertId,
                        "territory",
                        territory,
                        "channel",
                        "PLATFORM",
                        "emitterKind",
                        "PROFESSIONAL",
                        "emitterInstitution",
                        "msp-bievre",
                        "personRef",
                        personRef(),
                        "suggestedUrgency",
                        "C",
                        "raisedAt",
                        raisedAt,
                        "dueBy",
                        dueBy,
                        "possibleDuplicate",
                        false));
    }

    TestEvent alertQualified(String alertId, String urgency, Instant raisedAt, Instant qualifiedAt, Instant dueBy) {
        return event(
                ALERT_TOPIC,
                "alert",
                "qualified",
                alertId,
                qualifiedAt,
                data(
                        "alertId", alertId,
                        "territory", territory,
                        "personRef", personRef(),
                        "urgency", urgency,
                        "suggestedUrgency", urgency,
                        "overridden", false,
                        "responseLevel", "CMP_APPOINTMENT",
                        "raisedAt", raisedAt,
                        "qualifiedAt", qualifiedAt,
                        "dueBy", dueBy));
    }

    TestEvent alertResponded(
            String alertId,
            String urgency,
            Instant raisedAt,
            Instant dueBy,
            Instant respondedAt,
            boolean withinTarget,
            String referralId) {
        return event(
                ALERT_TOPIC,
                "alert",
                "responded",
                alertId,
                respondedAt,
                data(
                        "alertId", alertId,
                        "territory", territory,
                        "personRef", personRef(),
                        "urgency", urgency,
                        "actions", List.of("CONTACT_MADE"),
                        "referralId", referralId,
                        "raisedAt", raisedAt,
                        "dueBy", dueBy,
                        "respondedAt", respondedAt,
                        "withinTarget", withinTarget));
    }

    TestEvent alertEscalated(String alertId, int level, String urgency, Instant dueBy, Instant at) {
        return event(
                ALERT_TOPIC,
                "alert",
                "escalated",
                alertId,
                at,
                data(
                        "alertId", alertId,
                        "territory", territory,
                        "personRef", null,
                        "level", level,
                        "urgency", urgency,
                        "dueBy", dueBy,
                        "escalatedAt", at));
    }

    TestEvent alertFeedbackSent(String alertId, Instant at) {
        return event(
                ALERT_TOPIC,
                "alert",
                "feedback-sent",
                alertId,
                at,
                data("alertId", alertId, "territory", territory, "channel", "PHONE", "sentAt", at));
    }

    TestEvent alertClosed(
            String alertId, String urgency, Instant raisedAt, Instant closedAt, boolean feedbackGiven, boolean waived) {
        return event(
                ALERT_TOPIC,
                "alert",
                "closed",
                alertId,
                closedAt,
                data(
                        "alertId", alertId,
                        "territory", territory,
                        "urgency", urgency,
                        "outcome", "RESOLVED",
                        "feedbackGiven", feedbackGiven,
                        "feedbackWaived", waived,
                        "raisedAt", raisedAt,
                        "closedAt", closedAt));
    }

    // ---- workshop-service (subject: the group)

    TestEvent groupScheduled(String groupId, int capacity, Instant firstSessionAt) {
        return event(
                WORKSHOP_TOPIC,
                "workshop",
                "group-scheduled",
                groupId,
                firstSessionAt.minus(Duration.ofDays(30)),
                data(
                        "groupId",
                        groupId,
                        "programmeId",
                        "programme-psychoeducation",
                        "territory",
                        territory,
                        "capacity",
                        capacity,
                        "minParticipants",
                        3,
                        "facilitatorIds",
                        List.of("6f1c1a3e-0001-4000-8000-000000000004", "6f1c1a3e-0001-4000-8000-000000000005"),
                        "groupSessions",
                        8,
                        "individualSlots",
                        0,
                        "firstSessionAt",
                        firstSessionAt,
                        "lastSessionEndsAt",
                        firstSessionAt.plus(Duration.ofDays(50)),
                        "status",
                        "OPEN"));
    }

    TestEvent groupOpened(String groupId, int capacity) {
        return event(
                WORKSHOP_TOPIC,
                "workshop",
                "group-opened",
                groupId,
                Instant.parse("2020-01-01T00:00:00Z"),
                data(
                        "groupId", groupId,
                        "programmeId", "programme-psychoeducation",
                        "territory", territory,
                        "capacity", capacity,
                        "facilitatorIds",
                                List.of(
                                        "6f1c1a3e-0001-4000-8000-000000000004",
                                        "6f1c1a3e-0001-4000-8000-000000000005")));
    }

    TestEvent groupCancelled(String groupId, String reason, Instant at) {
        return event(
                WORKSHOP_TOPIC,
                "workshop",
                "group-cancelled",
                groupId,
                at,
                data(
                        "groupId",
                        groupId,
                        "programmeId",
                        "programme-psychoeducation",
                        "territory",
                        territory,
                        "reason",
                        reason,
                        "confirmedCount",
                        2,
                        "minParticipants",
                        3,
                        "participants",
                        List.of(),
                        "cancelledAt",
                        at));
    }

    TestEvent groupCompleted(String groupId, int completed, int notCompleted, int withdrawn, Instant at) {
        return event(
                WORKSHOP_TOPIC,
                "workshop",
                "group-completed",
                groupId,
                at,
                data(
                        "groupId", groupId,
                        "programmeId", "programme-psychoeducation",
                        "territory", territory,
                        "groupSessions", 8,
                        "completedCount", completed,
                        "notCompletedCount", notCompleted,
                        "withdrawnCount", withdrawn,
                        "completedAt", at));
    }

    TestEvent enrolmentConfirmed(String enrolmentId, String groupId, Instant at) {
        return event(
                WORKSHOP_TOPIC,
                "workshop",
                "enrolment-confirmed",
                groupId,
                at,
                data(
                        "enrolmentId",
                        enrolmentId,
                        "groupId",
                        groupId,
                        "programmeId",
                        "programme-psychoeducation",
                        "referralId",
                        null,
                        "personRef",
                        personRef(),
                        "territory",
                        territory,
                        "confirmedAt",
                        at,
                        "promotedFromWaitlist",
                        false));
    }

    TestEvent enrolmentWaitlisted(String enrolmentId, String groupId, Instant at) {
        return event(
                WORKSHOP_TOPIC,
                "workshop",
                "enrolment-waitlisted",
                groupId,
                at,
                data(
                        "enrolmentId",
                        enrolmentId,
                        "groupId",
                        groupId,
                        "programmeId",
                        "programme-psychoeducation",
                        "referralId",
                        null,
                        "personRef",
                        personRef(),
                        "territory",
                        territory,
                        "position",
                        1,
                        "waitlistedAt",
                        at));
    }

    TestEvent participantWithdrew(String enrolmentId, String groupId, Instant at) {
        return event(
                WORKSHOP_TOPIC,
                "workshop",
                "participant-withdrew",
                groupId,
                at,
                data(
                        "enrolmentId",
                        enrolmentId,
                        "groupId",
                        groupId,
                        "programmeId",
                        "programme-psychoeducation",
                        "referralId",
                        null,
                        "personRef",
                        personRef(),
                        "territory",
                        territory,
                        "reason",
                        "moved-away",
                        "withdrewAt",
                        at));
    }

    TestEvent participantDisengaged(String enrolmentId, String groupId, int episode, Instant at) {
        return event(
                WORKSHOP_TOPIC,
                "workshop",
                "participant-disengaged",
                groupId,
                at,
                data(
                        "groupId", groupId,
                        "programmeId", "programme-psychoeducation",
                        "territory", territory,
                        "enrolmentId", enrolmentId,
                        "referralId", null,
                        "personRef", personRef(),
                        "episode", episode,
                        "consecutiveAbsences", 2,
                        "disengagedAt", at));
    }

    TestEvent sessionHeld(
            String groupId, int number, String kind, Instant startsAt, int enrolled, int present, int revision) {
        return event(
                WORKSHOP_TOPIC,
                "workshop",
                "session-held",
                groupId,
                startsAt.plus(Duration.ofHours(2 + revision)),
                data(
                        "groupId", groupId,
                        "programmeId", "programme-psychoeducation",
                        "territory", territory,
                        "sessionNumber", number,
                        "kind", kind,
                        "startsAt", startsAt,
                        "enrolled", enrolled,
                        "present", present,
                        "excused", 0,
                        "absent", enrolled - present,
                        "revision", revision,
                        "recordedAt", startsAt.plus(Duration.ofHours(2 + revision))));
    }

    // ---- meeting-service

    TestEvent meetingScheduled(String meetingId, String kind, Instant startsAt) {
        return event(
                MEETING_TOPIC,
                "meeting",
                "scheduled",
                meetingId,
                startsAt.minus(Duration.ofDays(20)),
                data(
                        "meetingId", meetingId,
                        "seriesId", null,
                        "kind", kind,
                        "territory", territory,
                        "startsAt", startsAt,
                        "endsAt", startsAt.plus(Duration.ofHours(2)),
                        "invitedCount", 6));
    }

    TestEvent meetingCancelled(String meetingId, String kind, Instant startsAt, Instant at) {
        return event(
                MEETING_TOPIC,
                "meeting",
                "cancelled",
                meetingId,
                at,
                data(
                        "meetingId", meetingId,
                        "kind", kind,
                        "territory", territory,
                        "startsAt", startsAt,
                        "cancelledAt", at));
    }

    TestEvent meetingHeld(String meetingId, String kind, Instant heldAt, int professions) {
        return event(
                MEETING_TOPIC,
                "meeting",
                "held",
                meetingId,
                heldAt.plus(Duration.ofHours(1)),
                data(
                        "meetingId", meetingId,
                        "kind", kind,
                        "territory", territory,
                        "heldAt", heldAt,
                        "attendees", professions + 1,
                        "professions", professions));
    }

    TestEvent actionAssigned(String actionId, LocalDate dueOn, Instant at) {
        return event(
                MEETING_TOPIC,
                "meeting",
                "action-assigned",
                actionId,
                at,
                data(
                        "actionId", actionId,
                        "meetingId", "0f9c6c1e-5b4a-4f5e-9a53-00000000000a",
                        "territory", territory,
                        "ownerId", "6f1c1a3e-0001-4000-8000-000000000003",
                        "dueOn", dueOn,
                        "assignedAt", at));
    }

    TestEvent actionCompleted(String actionId, LocalDate dueOn, Instant at, boolean onTime) {
        return event(
                MEETING_TOPIC,
                "meeting",
                "action-completed",
                actionId,
                at,
                data(
                        "actionId", actionId,
                        "meetingId", "0f9c6c1e-5b4a-4f5e-9a53-00000000000a",
                        "territory", territory,
                        "ownerId", "6f1c1a3e-0001-4000-8000-000000000003",
                        "dueOn", dueOn,
                        "completedAt", at,
                        "onTime", onTime));
    }

    TestEvent actionOverdue(String actionId, LocalDate dueOn, Instant at) {
        return event(
                MEETING_TOPIC,
                "meeting",
                "action-overdue",
                actionId,
                at,
                data(
                        "actionId", actionId,
                        "meetingId", "0f9c6c1e-5b4a-4f5e-9a53-00000000000a",
                        "territory", territory,
                        "ownerId", "6f1c1a3e-0001-4000-8000-000000000003",
                        "dueOn", dueOn,
                        "overdueAt", at));
    }
}
