package fr.maillage.workshop.group;

import static fr.maillage.workshop.group.TestGroups.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupAnonymisationTests {

    private static Candidate candidate(String referralId, String personRef, int minutes) {
        return new Candidate(referralId, personRef, Priority.ROUTINE, "msp-bievre", NOW.plusSeconds(60L * minutes));
    }

    @Test
    void anErasedPersonsEnrolmentsKeepTheirPlaceStatusAndDatesButNameNobody() {
        Group group = TestGroups.group(1);
        group.enrol(candidate("r1", "erased", 0), "e1", NOW);
        group.enrol(candidate("r2", "other", 1), "e2", NOW.plusSeconds(5));
        // The same person once more, through another programme's referral: waits behind r2.
        group.withdraw("e1", "moved-away", NOW.plusSeconds(6));
        group.enrol(candidate("r3", "erased", 2), "e3", NOW.plusSeconds(10));
        Enrolment before = group.enrolmentOf("r1").orElseThrow();

        assertThat(group.anonymise("erased")).isEqualTo(2);

        Enrolment withdrawn = group.enrolmentOf("r1").orElseThrow();
        assertThat(withdrawn.personRef()).isNull();
        assertThat(withdrawn.anonymised()).isTrue();
        assertThat(withdrawn.status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThat(withdrawn.enrolledAt()).isEqualTo(before.enrolledAt());
        assertThat(withdrawn.acceptedAt()).isEqualTo(before.acceptedAt());
        assertThat(withdrawn.id()).isEqualTo("e1");
        assertThat(group.enrolmentOf("r3").orElseThrow().anonymised()).isTrue();
        assertThat(group.positionOf("e3")).contains(1);
        Enrolment untouched = group.enrolmentOf("r2").orElseThrow();
        assertThat(untouched.personRef()).isEqualTo("other");
        assertThat(untouched.anonymised()).isFalse();
        assertThat(untouched.status()).isEqualTo(EnrolmentStatus.CONFIRMED);
        assertThat(group.confirmedCount()).isEqualTo(1);
        assertThat(group.waitlist()).hasSize(1);

        assertThat(group.anonymise("erased")).isZero();
        assertThat(group.anonymise(null)).isZero();
    }

    @Test
    void anErasedPersonWaitingIsPassedOverWhenAPlaceFreesUp() {
        Group group = TestGroups.group(1);
        group.enrol(candidate("r1", "holder", 0), "e1", NOW);
        group.enrol(candidate("r2", "erased", 1), "e2", NOW);
        group.enrol(candidate("r3", "next", 2), "e3", NOW);
        group.anonymise("erased");

        group.withdraw("e1", "moved-away", NOW.plusSeconds(60));

        assertThat(group.enrolment("e3").orElseThrow().status()).isEqualTo(EnrolmentStatus.CONFIRMED);
        assertThat(group.enrolment("e2").orElseThrow().status()).isEqualTo(EnrolmentStatus.WAITLISTED);
        assertThat(group.positionOf("e2")).contains(1);
    }
}
