package fr.maillage.alert.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Alerts, one document each (state, record and outbox together). Indexes: {@code AlertService}. */
interface AlertRepository extends MongoRepository<Alert, String> {

    /** The triage queue (index territory + status + dueBy). */
    Page<Alert> findByTerritoryInAndStatusIn(
            Collection<String> territories, Collection<AlertStatus> statuses, Pageable pageable);

    List<Alert> findByTerritoryAndPersonRefAndRaisedAtGreaterThanEqual(
            String territory, String personRef, Instant since, Pageable pageable);

    List<Alert> findByTerritoryAndEmitterFingerprintAndCommuneAndRaisedAtGreaterThanEqual(
            String territory, String emitterFingerprint, String commune, Instant since, Pageable pageable);

    /** Alerts that store a link to this one (links live on the later alert). */
    boolean existsByLinkedAlerts(String alertId);

    /** Alerts waiting for a response whose next escalation time has come (index nextEscalationAt). */
    List<Alert> findByNextEscalationAtLessThanEqualAndStatusIn(
            Instant now, Collection<AlertStatus> statuses, Pageable pageable);

    List<Alert> findByPersonRefAndAnonymisedFalse(String personRef);
}
