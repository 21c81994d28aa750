package fr.maillage.workshop.attendance;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The attendance documents, one per group (id = the group's id). */
interface GroupAttendanceRepository extends MongoRepository<GroupAttendance, String> {}
