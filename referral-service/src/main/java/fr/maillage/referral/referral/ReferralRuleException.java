package fr.maillage.referral.referral;

/**
 * A request a referral's rules refuse whatever its state (a missing comment, a redirection to the same
 * resource…), named by a problem slug. Thrown before anything changes.
 */
public class ReferralRuleException extends IllegalArgumentException {

    private final String slug;

    ReferralRuleException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
