package fr.maillage.workshop.referral;

import fr.maillage.platform.events.IncomingEvent;
import fr.maillage.workshop.enrolment.EnrolmentService;
import fr.maillage.workshop.group.Priority;
import fr.maillage.workshop.programme.Programme;
import fr.maillage.workshop.programme.ProgrammeService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of {@code referral.events.v1} in group {@code workshop-service} (one listener, so
 * the topic's partitions are not split between two). Directory events feed the programmes
 * projection; acceptances for a workshop programme become enrolment requests. Other types are none
 * of our business. Both paths are idempotent: upsert by resource id, one request per referral id.
 * {@code resource-registered.v1} is the directory's former name for {@code resource-published.v1}, still
 * read for a producer not yet upgraded.
 */
@Component
class ReferralEventsListener {

    static final String RESOURCE_PUBLISHED = "fr.maillage.referral.resource-published.v1";
    static final String RESOURCE_REGISTERED = "fr.maillage.referral.resource-registered.v1";
    static final String RESOURCE_UPDATED = "fr.maillage.referral.resource-updated.v1";
    static final String ACCEPTED = "fr.maillage.referral.accepted.v1";

    private final ProgrammeService programmes;
    private final EnrolmentService enrolments;

    ReferralEventsListener(ProgrammeService programmes, EnrolmentService enrolments) {
        this.programmes = programmes;
        this.enrolments = enrolments;
    }

    @KafkaListener(topics = "referral.events.v1", groupId = "workshop-service")
    void on(IncomingEvent event) {
        if (event.is(RESOURCE_PUBLISHED) || event.is(RESOURCE_UPDATED) || event.is(RESOURCE_REGISTERED)) {
            ResourceDescribed resource = event.data(ResourceDescribed.class);
            programmes.describe(
                    resource.resourceId(),
                    resource.type(),
                    resource.institution(),
                    resource.territory(),
                    resource.communes(),
                    resource.status(),
                    // Events from outside the platform may lack a time: then it is "now", by the wall clock
                    // like the producers' event times it is compared with (not the workshop rules' Clock).
                    event.time() != null ? event.time() : Instant.now());
        } else if (event.is(ACCEPTED)) {
            ReferralAccepted accepted = event.data(ReferralAccepted.class);
            if (Programme.WORKSHOP_PROGRAMME.equals(accepted.resourceType())) {
                enrolments.request(
                        accepted.referralId(),
                        accepted.resourceId(),
                        accepted.personRef(),
                        accepted.priority(),
                        accepted.territory(),
                        accepted.referrerInstitution(),
                        accepted.acceptedAt(),
                        event.id());
            }
        } else if (event.is(PersonErased.TYPE)) {
            PersonErased erased = event.data(PersonErased.class);
            enrolments.anonymise(erased.personRef(), erased.erasedAt());
        }
    }

    /** What we read of {@code resource-published.v1} / {@code resource-updated.v1} (and {@code resource-registered.v1}). */
    record ResourceDescribed(
            @NotBlank String resourceId,
            @NotBlank String type,
            @NotBlank String institution,
            @NotBlank String territory,
            List<String> communes,
            @NotBlank String status) {}

    /** What we read of {@code accepted.v1}. */
    record ReferralAccepted(
            @NotBlank String referralId,
            @NotBlank String personRef,
            @NotBlank String resourceId,
            @NotBlank String resourceType,
            @NotBlank String territory,
            @NotNull Priority priority,
            @NotBlank String referrerInstitution,
            @NotNull Instant acceptedAt) {}

    /** What we read of {@code person-erased.v1}: anonymise everything held for that personRef (idempotent). */
    record PersonErased(@NotBlank String personRef, @NotNull Instant erasedAt) {
        static final String TYPE = "fr.maillage.referral.person-erased.v1";
    }
}
