package fr.maillage.meeting.meeting;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Keeps the latest quarterly report of each territory, by quarter then publication: a report delivered
 * again, or an older one arriving late, changes nothing. Concurrent deliveries retry on the version.
 */
@Service
class ReportRegistryService implements ReportRegistry {

    private static final int MAX_ATTEMPTS = 20;

    private final LatestReportRepository reports;

    ReportRegistryService(LatestReportRepository reports) {
        this.reports = reports;
    }

    @Override
    public void reportPublished(String reportId, String territory, String quarter, Instant publishedAt) {
        LatestReport published = LatestReport.of(reportId, territory, quarter, publishedAt);
        for (int attempt = 1; ; attempt++) {
            Optional<LatestReport> current = reports.findById(territory);
            try {
                if (current.isEmpty()) {
                    reports.insert(published);
                } else if (current.get().replaceBy(published)) {
                    reports.save(current.get());
                }
                return;
            } catch (DuplicateKeyException | OptimisticLockingFailureException concurrentChange) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }
}
