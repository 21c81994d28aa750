package fr.maillage.platform.web.testapp;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ThingRepository extends MongoRepository<Thing, String> {}
