package fr.maillage.workshop.programme;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The programmes projection. */
public interface ProgrammeRepository extends MongoRepository<Programme, String> {}
