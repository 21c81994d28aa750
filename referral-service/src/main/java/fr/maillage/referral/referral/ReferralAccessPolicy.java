package fr.maillage.referral.referral;

/**
 * Who may see and act on a referral (DESIGN §6: role and scope). Three sides: the referrer (the same
 * {@code sub}, or a partner system of the referrer's institution), the receiving side (coordinators of the
 * referral's territory, clinicians and partner systems of the target institution) and admins, who only
 * look. Outside these rules a referral does not exist for the asker (404).
 */
public final class ReferralAccessPolicy {

    private ReferralAccessPolicy() {}

    public static boolean canView(Referral referral, Actor actor) {
        return actor.admin() || isReferrerSide(referral, actor) || isReceivingSide(referral, actor);
    }

    /** Accept, decline, redirect, record the first contact and the completion. */
    public static boolean canReceive(Referral referral, Actor actor) {
        return isReceivingSide(referral, actor);
    }

    /** Cancel: the referrer's call only. */
    public static boolean canCancel(Referral referral, Actor actor) {
        return isReferrerSide(referral, actor);
    }

    static boolean isReferrerSide(Referral referral, Actor actor) {
        return referral.referrer().id().equals(actor.id())
                || (actor.partner() && actor.worksAt(referral.referrer().institution()));
    }

    static boolean isReceivingSide(Referral referral, Actor actor) {
        return actor.coordinates(referral.territory())
                || ((actor.clinician() || actor.partner()) && actor.worksAt(referral.resourceInstitution()));
    }
}
