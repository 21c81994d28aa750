package fr.maillage.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.maillage.localstack.junit.LocalInfrastructure;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Against the local MongoDB wire server: an erasure is remembered once, by personRef only. */
@LocalInfrastructure
class ErasedPersonsIntegrationTests {

    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(LocalInfrastructure.Endpoints.mongoConnectionString());
        mongo = new MongoTemplate(client, "kit_erased_persons");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void anErasedPersonIsRememberedOnceWithTheFirstTimeHeard() {
        ErasedPersons erased = new ErasedPersons(mongo);
        String personRef = UUID.randomUUID().toString();
        Instant first = Instant.parse("2026-11-23T10:15:30Z");

        assertThat(erased.contains(personRef)).isFalse();
        erased.remember(personRef, first);
        erased.remember(personRef, first.plusSeconds(60));

        assertThat(erased.contains(personRef)).isTrue();
        assertThat(erased.contains(UUID.randomUUID().toString())).isFalse();
        assertThat(erased.contains(null)).isFalse();
        assertThat(mongo.find(Query.query(where("_id").is(personRef)), Document.class, ErasedPersons.COLLECTION))
                .singleElement()
                .satisfies(stored ->
                        assertThat(stored.getDate("erasedAt").toInstant()).isEqualTo(first));
    }
}
