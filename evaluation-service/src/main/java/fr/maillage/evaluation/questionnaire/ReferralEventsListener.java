package fr.maillage.evaluation.questionnaire;

import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of referral-service's topic in the questionnaires' group: every event of a referral's
 * life names the person and, in its audience, the referrer's and the receiving institutions, whose
 * clinicians and facilitators are then in the person's care team; {@code person-erased} deletes what is
 * held about the person. Directory and consent events are none of our business. Data that does not bind
 * goes to the dead-letter topic.
 */
@Component
class ReferralEventsListener {

    static final String PERSON_ERASED = "fr.maillage.referral.person-erased.v1";

    /** The referral events that name a person (subject = referralId). */
    static final Set<String> REFERRAL_LIFE = Set.of(
            "fr.maillage.referral.submitted.v1",
            "fr.maillage.referral.accepted.v1",
            "fr.maillage.referral.declined.v1",
            "fr.maillage.referral.redirected.v1",
            "fr.maillage.referral.cancelled.v1",
            "fr.maillage.referral.completed.v1",
            "fr.maillage.referral.first-contact-made.v1",
            "fr.maillage.referral.overdue.v1");

    private static final java.util.regex.Pattern INSTITUTION = java.util.regex.Pattern.compile(IncomingFormats.CODE);

    private final CareTeamService careTeams;
    private final PersonErasureService erasure;

    ReferralEventsListener(CareTeamService careTeams, PersonErasureService erasure) {
        this.careTeams = careTeams;
        this.erasure = erasure;
    }

    @KafkaListener(
            topics = "${maillage.evaluation.questionnaires.referral-events-topic:referral.events.v1}",
            groupId = "${maillage.evaluation.questionnaires.consumer-group:evaluation-questionnaires}")
    void on(IncomingEvent event) {
        if (REFERRAL_LIFE.contains(event.type())) {
            ReferralAboutPerson referral = event.data(ReferralAboutPerson.class);
            Set<String> institutions = new TreeSet<>();
            event.audience().stream()
                    .filter(institution -> INSTITUTION.matcher(institution).matches())
                    .forEach(institutions::add);
            institutions.add(referral.referrerInstitution());
            careTeams.referred(referral.personRef(), institutions);
        } else if (event.is(PERSON_ERASED)) {
            PersonErased erased = event.data(PersonErased.class);
            erasure.erase(erased.personRef(), erased.erasedAt());
        }
    }

    /** What we read of a referral's events. */
    record ReferralAboutPerson(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String referralId,

            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String personRef,

            @NotBlank @Pattern(regexp = IncomingFormats.CODE)
            String referrerInstitution) {}

    /** What we read of {@code person-erased.v1}. */
    record PersonErased(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String personRef,

            @NotNull Instant erasedAt) {}
}
