package fr.maillage.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.maillage.localstack.junit.LocalInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Against the local MongoDB wire server: the lease is a compare-and-set there, not in this JVM. */
@LocalInfrastructure
class MongoLeasesIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Criteria PENDING = where("status").is("PENDING");

    private static MongoClient client;
    private static MongoTemplate mongo;

    private final MongoLeases<Job> leases = new MongoLeases<>(mongo, Job.class);

    @Document("kit_lease_jobs")
    record Job(@Id String id, String status, String claimedBy, Instant claimedUntil) {}

    @BeforeAll
    static void connect() {
        client = MongoClients.create(LocalInfrastructure.Endpoints.mongoConnectionString());
        mongo = new MongoTemplate(client, "kit_leases");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyCollection() {
        mongo.remove(new Query(), Job.class);
    }

    private Job stored(String id) {
        return mongo.findById(id, Job.class);
    }

    @Test
    void aFreeDocumentIsLeasedToTheFirstWorkerOnly() {
        mongo.insert(new Job("j-1", "PENDING", null, null));

        Optional<Job> first = leases.claim("j-1", PENDING, "worker-a", LEASE, NOW);
        Optional<Job> second = leases.claim("j-1", PENDING, "worker-b", LEASE, NOW.plusSeconds(1));

        assertThat(first).hasValueSatisfying(job -> {
            assertThat(job.claimedBy()).isEqualTo("worker-a");
            assertThat(job.claimedUntil()).isEqualTo(NOW.plus(LEASE));
        });
        assertThat(second).isEmpty();
        assertThat(stored("j-1").claimedBy()).isEqualTo("worker-a");
    }

    @Test
    void aLeaseRunsUntilItsEndThenAnotherWorkerMayTakeItOver() {
        mongo.insert(new Job("j-1", "PENDING", null, null));
        leases.claim("j-1", PENDING, "worker-a", LEASE, NOW);

        Optional<Job> atTheEnd = leases.claim("j-1", PENDING, "worker-b", LEASE, NOW.plus(LEASE));
        Optional<Job> after =
                leases.claim("j-1", PENDING, "worker-b", LEASE, NOW.plus(LEASE).plusMillis(1));

        assertThat(atTheEnd).isEmpty();
        assertThat(after).hasValueSatisfying(job -> {
            assertThat(job.claimedBy()).isEqualTo("worker-b");
            assertThat(job.claimedUntil())
                    .isEqualTo(NOW.plus(LEASE).plusMillis(1).plus(LEASE));
        });
    }

    @Test
    void aDocumentThatIsNotClaimableOrIsGoneIsNotLeased() {
        mongo.insert(new Job("j-1", "PLACED", null, null));

        assertThat(leases.claim("j-1", PENDING, "worker-a", LEASE, NOW)).isEmpty();
        assertThat(leases.claim("j-2", PENDING, "worker-a", LEASE, NOW)).isEmpty();
        assertThat(stored("j-1").claimedBy()).isNull();
        assertThat(leases.claim("j-1", null, "worker-a", LEASE, NOW)).isPresent();
    }

    @Test
    void onlyTheHolderReleasesTheLease() {
        mongo.insert(new Job("j-1", "PENDING", null, null));
        leases.claim("j-1", PENDING, "worker-a", LEASE, NOW);

        leases.release("j-1", "worker-b");
        assertThat(stored("j-1").claimedBy()).isEqualTo("worker-a");

        leases.release("j-1", "worker-a");
        assertThat(stored("j-1")).isEqualTo(new Job("j-1", "PENDING", null, null));
        assertThat(leases.claim("j-1", PENDING, "worker-b", LEASE, NOW.plusSeconds(1)))
                .isPresent();
    }

    @Test
    void claimableCriteriaWithTheirOwnOrStillNeedAFreeLease() {
        Criteria waiting = new Criteria()
                .orOperator(where("status").is("PENDING"), where("status").is("RETRY"));
        mongo.insert(new Job("j-1", "RETRY", "worker-a", NOW.plus(LEASE)));
        mongo.insert(new Job("j-2", "RETRY", null, null));
        mongo.insert(new Job("j-3", "PLACED", null, null));

        assertThat(leases.claim("j-1", waiting, "worker-b", LEASE, NOW)).isEmpty();
        assertThat(leases.claim("j-2", waiting, "worker-b", LEASE, NOW)).isPresent();
        assertThat(leases.claim("j-3", waiting, "worker-b", LEASE, NOW)).isEmpty();
        assertThat(leases.claim(
                        "j-3",
                        where("status")
                                .is("PLACED")
                                .orOperator(where("claimedBy").is(null)),
                        "worker-b",
                        LEASE,
                        NOW))
                .isPresent();
    }

    @Test
    void clearEndsTheLeaseInTheWriteThatEndsTheWork() {
        mongo.insert(new Job("j-1", "PENDING", null, null));
        leases.claim("j-1", PENDING, "worker-a", LEASE, NOW);

        mongo.updateFirst(
                Query.query(where("_id").is("j-1")),
                MongoLeases.clear(new Update().set("status", "PLACED")),
                Job.class);

        assertThat(stored("j-1")).isEqualTo(new Job("j-1", "PLACED", null, null));
    }

    @Test
    void workersRacingForOneDocumentGetOneLease() throws Exception {
        mongo.insert(new Job("j-1", "PENDING", null, null));
        int workers = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            String worker = "worker-" + i;
            claims.add(() -> {
                go.await();
                return leases.claim("j-1", PENDING, worker, LEASE, NOW).isPresent();
            });
        }

        List<Boolean> won = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<Boolean>> results = claims.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<Boolean> result : results) {
                won.add(result.get());
            }
        }

        assertThat(won).containsOnlyOnce(true);
        assertThat(stored("j-1").claimedBy()).startsWith("worker-");
    }
}
