package fr.maillage.referral.referral;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ReferralRepository extends MongoRepository<Referral, String> {

    /** Unanswered referrals past their answer target not flagged yet (index {@code referrals_overdue}). */
    List<Referral> findByStatusAndOverdueAtIsNullAndAnswerDueByLessThanEqual(
            ReferralStatus status, Instant now, Pageable page);
}
