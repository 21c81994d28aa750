package fr.maillage.referral.referral;

/** Why the receiving side declines or redirects a referral; OTHER needs a comment. */
public enum DeclineReason {
    NOT_ELIGIBLE,
    NO_CAPACITY,
    OUT_OF_TERRITORY,
    PERSON_DECLINED,
    DUPLICATE,
    OTHER;

    /** A comment is required for OTHER (the code alone says nothing), optional otherwise. */
    void requireCommentIfNeeded(String comment) {
        if (this == OTHER && (comment == null || comment.isBlank())) {
            throw new ReferralRuleException("comment-required", "A comment is required when the reason is OTHER");
        }
    }
}
