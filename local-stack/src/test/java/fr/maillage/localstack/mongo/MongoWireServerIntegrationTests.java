package fr.maillage.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import fr.maillage.localstack.net.PortInUseException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void fileBackedServerKeepsDocumentsAndIndexesAcrossARestart() {
        Path file = dir.resolve("mongo.mv.db");
        int port;
        try (MongoWireServer server = MongoWireServer.file(file, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            port = server.port();
            MongoCollection<Document> persons = client.getDatabase("referral").getCollection("persons");
            persons.createIndex(Indexes.ascending("blindIndex"), new IndexOptions().unique(true));
            persons.insertOne(new Document("_id", "p-1").append("blindIndex", "h-1"));
        }

        try (MongoWireServer server = MongoWireServer.file(file, port);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> persons = client.getDatabase("referral").getCollection("persons");
            assertThat(persons.find(new Document("_id", "p-1")).first()).containsEntry("blindIndex", "h-1");
            assertThatThrownBy(() -> persons.insertOne(new Document("_id", "p-2").append("blindIndex", "h-1")))
                    .hasMessageContaining("E11000");
        }
    }

    @Test
    void memoryServerListensOnLoopbackAndSupportsChangeStreams() {
        try (MongoWireServer server = MongoWireServer.memory(0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.port());
            MongoCollection<Document> alerts = client.getDatabase("alert").getCollection("alerts");
            alerts.insertOne(new Document("_id", "warm-up")); // the collection must exist to be watched
            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> changes =
                    alerts.watch().cursor()) {
                alerts.insertOne(new Document("_id", "a-1"));
                List<String> inserted = new ArrayList<>();
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    ChangeStreamDocument<Document> change = changes.tryNext();
                    if (change != null) {
                        inserted.add(change.getDocumentKey().getString("_id").getValue());
                    }
                    return inserted.contains("a-1");
                });
            }
        }
    }

    @Test
    void reportsABusyPortInOneSentenceAndLeavesTheFileAlone() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int busy = squatter.getLocalPort();

            assertThatThrownBy(() -> MongoWireServer.file(dir.resolve("busy.mv.db"), busy))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageStartingWith("MongoDB wire server cannot start: port " + busy + " on 127.0.0.1");
            assertThat(dir.resolve("busy.mv.db")).doesNotExist();
        }
    }
}
