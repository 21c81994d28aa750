package fr.maillage.meeting.meeting;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The latest report of each territory, keyed by territory. */
interface LatestReportRepository extends MongoRepository<LatestReport, String> {}
