package fr.maillage.referral.person;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PersonRepository extends MongoRepository<Person, String> {

    Optional<Person> findByBlindIndex(String blindIndex);
}
