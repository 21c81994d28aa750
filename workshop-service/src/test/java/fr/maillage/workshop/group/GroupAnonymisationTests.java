package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupAnonymisationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Candidate candidate(String referralId, String personRef, int minutes) {
        return new Candidate(referralId, personRef, Priority.ROUTINE, "msp-bievre", NOW.plusSeconds(60L * minutes));
    }

    @Test
    void anErasedPersonsEnrolmentsKeepTheirPlaceStatusAndDatesButNameNobody() {
        Group group = Group.open(
                        "g1",
                        "programme-1",
                        "lieu-dit",
                        "bievre",
                        1,
                        Facilitators.of(List.of("psy-durand", "ide-bernard")),
                        NOW)
                .group();
        group.enrol(candidate("r1", "erased", 0), "e1", NOW);
        group.enrol(candidate("r2", "other", 1), "e2", NOW.plusSeconds(5));
        group.enrol(candidate("r3", "erased", 2), "e3", NOW.plusSeconds(10));
        Enrolment before = group.enrolmentOf("r1").orElseThrow();

        assertThat(group.anonymise("erased")).isEqualTo(2);

        Enrolment confirmed = group.enrolmentOf("r1").orElseThrow();
        assertThat(confirmed.personRef()).isNull();
        assertThat(confirmed.anonymised()).isTrue();
        assertThat(confirmed.status()).isEqualTo(EnrolmentStatus.CONFIRMED);
        assertThat(confirmed.enrolledAt()).isEqualTo(before.enrolledAt());
        assertThat(confirmed.acceptedAt()).isEqualTo(before.acceptedAt());
        assertThat(confirmed.id()).isEqualTo("e1");
        assertThat(group.enrolmentOf("r3").orElseThrow().anonymised()).isTrue();
        assertThat(group.positionOf("r3")).contains(2);
        Enrolment untouched = group.enrolmentOf("r2").orElseThrow();
        assertThat(untouched.personRef()).isEqualTo("other");
        assertThat(untouched.anonymised()).isFalse();
        assertThat(group.confirmedCount()).isEqualTo(1);
        assertThat(group.waitlist()).hasSize(2);

        assertThat(group.anonymise("erased")).isZero();
        assertThat(group.anonymise(null)).isZero();
    }
}
