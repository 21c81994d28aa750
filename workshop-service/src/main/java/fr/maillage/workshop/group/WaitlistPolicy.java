package fr.maillage.workshop.group;

import java.util.Comparator;

/**
 * The order in which people waiting for a place get one: urgent referrals before routine ones,
 * then first come (earliest acceptance) first; the referral id only breaks exact ties so the order
 * is the same on every run (a sort is stable, so enrolments without a referral keep their arrival order).
 */
public final class WaitlistPolicy implements Comparator<Applicant> {

    public static final WaitlistPolicy ORDER = new WaitlistPolicy();

    private static final Comparator<Applicant> RULE = Comparator.<Applicant, Boolean>comparing(
                    applicant -> applicant.priority() != Priority.URGENT)
            .thenComparing(Applicant::acceptedAt)
            .thenComparing(Applicant::referralId, Comparator.nullsLast(Comparator.naturalOrder()));

    private WaitlistPolicy() {}

    @Override
    public int compare(Applicant first, Applicant second) {
        return RULE.compare(first, second);
    }
}
