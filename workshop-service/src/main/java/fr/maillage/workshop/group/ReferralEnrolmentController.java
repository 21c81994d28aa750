package fr.maillage.workshop.group;

import fr.maillage.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/workshops/referrals/{referralId}/enrolment}: where the person a referral sent stands.
 * The referrer's institution (its partner system or its staff), the coordinators of the group's
 * territory and its facilitators may ask; anyone else gets 404. This is all a partner sees of workshops.
 */
@RestController
@RequestMapping("/api/workshops/referrals")
class ReferralEnrolmentController {

    private final GroupService service;

    ReferralEnrolmentController(GroupService service) {
        this.service = service;
    }

    @GetMapping("/{referralId}/enrolment")
    ReferralEnrolmentView enrolment(@PathVariable String referralId, CurrentUser user) {
        GroupService.ReferralEnrolment found = service.enrolmentOfReferral(referralId, user);
        return new ReferralEnrolmentView(
                found.group().id(),
                found.enrolment().id(),
                found.group().programmeId(),
                found.enrolment().status(),
                found.group().positionOf(found.enrolment().id()).orElse(null));
    }

    /** @param position the place in the waiting order, when waitlisted */
    record ReferralEnrolmentView(
            String groupId, String enrolmentId, String programmeId, EnrolmentStatus status, Integer position) {}
}
