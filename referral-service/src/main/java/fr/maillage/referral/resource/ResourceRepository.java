package fr.maillage.referral.resource;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The directory's store; referrals read it to find their target. */
public interface ResourceRepository extends MongoRepository<Resource, String> {}
