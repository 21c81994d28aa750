package fr.maillage.referral.referral;

/**
 * Who may see and act on a referral (DESIGN §6: role and scope). Outside these rules a referral does not
 * exist for the asker (404).
 */
public final class ReferralAccessPolicy {

    private ReferralAccessPolicy() {}

    /** The referrer, a partner system of the referrer's institution, coordinators of the territory, admins. */
    public static boolean canView(Referral referral, Actor actor) {
        return actor.admin()
                || actor.coordinates(referral.territory())
                || referral.referrer().id().equals(actor.id())
                || (actor.partner() && referral.referrer().institution().equals(actor.institution()));
    }

    /** Coordinators of the referral's territory and admins accept; everyone else has no say. */
    public static boolean canAccept(Referral referral, Actor actor) {
        return actor.admin() || actor.coordinates(referral.territory());
    }
}
