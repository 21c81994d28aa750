package fr.maillage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.systemtests.support.Api;
import fr.maillage.systemtests.support.RunningPlatform;
import fr.maillage.systemtests.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health data: no name, birth date or free text crosses Kafka, only a personRef. */
@Order(3)
@ExtendWith(RunningPlatform.class)
class PrivacySystemTests {

    @Test
    void noNameBirthDateOrReasonCrossesKafka() {
        String familyName = "Zyx" + UUID.randomUUID().toString().substring(0, 8);
        String resource = WalkingSkeletonSystemTests.workshopProgramme();
        String referral = WalkingSkeletonSystemTests.refer("dr-martin", resource, familyName);
        Api api = new Api(RunningPlatform.gateway());
        assertThat(api.post("/api/referrals/" + referral + "/acceptance", Tokens.of("coord-bievre"), Map.of())
                        .status())
                .isEqualTo(200);
        String personRef =
                api.get("/api/referrals/" + referral, Tokens.of("dr-martin")).text("personRef");

        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("referral.events.v1", "workshop.events.v1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500))
                        .forEach((ConsumerRecord<String, String> r) -> records.add(r.value()));
                return records.stream().anyMatch(r -> r.contains(referral) && r.contains("accepted"));
            });
        }

        List<String> aboutThePerson =
                records.stream().filter(r -> r.contains(personRef)).toList();
        assertThat(aboutThePerson).isNotEmpty();
        assertThat(records)
                .noneMatch(r -> r.contains(familyName))
                .noneMatch(r -> r.contains("Camille"))
                .noneMatch(r -> r.contains("1987-04-12"))
                .noneMatch(r -> r.contains("Anxiété au travail"));
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningPlatform.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }
}
