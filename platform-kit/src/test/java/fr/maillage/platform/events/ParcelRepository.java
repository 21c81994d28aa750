package fr.maillage.platform.events;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ParcelRepository extends MongoRepository<Parcel, String> {}
