package fr.maillage.meeting.proposal;

import fr.maillage.meeting.consent.ConsentService;
import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of referral-service's topic in group {@code meeting-service} (one listener, so the
 * topic's partitions are not split between two): declines feed the declined-twice rule, consent events the
 * consent projection, and an erased person is forgotten here. Other referral events are none of our
 * business. All paths are idempotent: declines by referral id, consents by consent id, erasure by nature.
 */
@Component
class ReferralEventsListener {

    static final String DECLINED = "fr.maillage.referral.declined.v1";
    static final String CONSENT_RECORDED = "fr.maillage.referral.consent-recorded.v1";
    static final String CONSENT_WITHDRAWN = "fr.maillage.referral.consent-withdrawn.v1";
    static final String PERSON_ERASED = "fr.maillage.referral.person-erased.v1";

    private final ProposalService proposals;
    private final ConsentService consents;

    ReferralEventsListener(ProposalService proposals, ConsentService consents) {
        this.proposals = proposals;
        this.consents = consents;
    }

    @KafkaListener(
            topics = "${maillage.meeting.referral-events-topic:referral.events.v1}",
            groupId = "${maillage.meeting.consumer-group:meeting-service}")
    void on(IncomingEvent event) {
        if (event.is(DECLINED)) {
            ReferralDeclined declined = event.data(ReferralDeclined.class);
            proposals.referralDeclined(
                    declined.referralId(), declined.personRef(), declined.territory(), declined.declinedAt());
        } else if (event.is(CONSENT_RECORDED)) {
            ConsentChanged recorded = event.data(ConsentChanged.class);
            consents.recorded(recorded.personRef(), recorded.consentId(), recorded.purpose());
        } else if (event.is(CONSENT_WITHDRAWN)) {
            ConsentChanged withdrawn = event.data(ConsentChanged.class);
            consents.withdrawn(withdrawn.personRef(), withdrawn.consentId(), withdrawn.purpose());
        } else if (event.is(PERSON_ERASED)) {
            PersonErased erased = event.data(PersonErased.class);
            proposals.personErased(erased.personRef(), erased.erasedAt());
        }
    }

    /** What we read of {@code declined.v1} (its reason code and comment are not ours to keep). */
    record ReferralDeclined(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String referralId,

            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String personRef,

            @NotBlank @Pattern(regexp = IncomingFormats.TERRITORY)
            String territory,

            @NotNull Instant declinedAt) {}

    /** What we read of {@code consent-recorded.v1} and {@code consent-withdrawn.v1}. */
    record ConsentChanged(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String consentId,

            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String personRef,

            @NotBlank @Pattern(regexp = IncomingFormats.PURPOSE)
            String purpose) {}

    /** What we read of {@code person-erased.v1}. */
    record PersonErased(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String personRef,

            @NotNull Instant erasedAt) {}
}
