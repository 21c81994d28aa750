package fr.maillage.subscription.subscription;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SubscriptionRepository extends MongoRepository<Subscription, String> {

    Page<Subscription> findByInstitution(String institution, Pageable pageable);

    List<Subscription> findByInstitutionInAndStatusIn(
            Collection<String> institutions, Collection<SubscriptionStatus> statuses);
}
