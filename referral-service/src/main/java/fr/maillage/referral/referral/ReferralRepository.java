package fr.maillage.referral.referral;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ReferralRepository extends MongoRepository<Referral, String> {}
