package fr.maillage.referral.person;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AccessLogRepository extends MongoRepository<AccessLogEntry, String> {

    Page<AccessLogEntry> findByPersonRef(String personRef, Pageable pageable);
}
