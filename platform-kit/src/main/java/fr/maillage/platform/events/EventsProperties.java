package fr.maillage.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the events mechanisms ({@code maillage.events.*}). */
@ConfigurationProperties("maillage.events")
public class EventsProperties {

    /** The topic this service produces, e.g. {@code referral.events.v1}; no relay without it. */
    private String topic;

    /** The CloudEvents {@code source}; defaults to {@code /maillage/<application name without -service>}. */
    private String source;

    /** Prefix of the {@code dataschema} attribute, followed by the event type. */
    private String dataschemaPrefix = "urn:maillage:schema:";

    /** Partitions of the topic and of its dead-letter topic when the kit creates them. */
    private int partitions = 3;

    /** Replication factor of the topics the kit creates. */
    private short replicas = 1;

    private final Relay relay = new Relay();

    private final Consumer consumer = new Consumer();

    private final Processed processed = new Processed();

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getDataschemaPrefix() {
        return dataschemaPrefix;
    }

    public void setDataschemaPrefix(String dataschemaPrefix) {
        this.dataschemaPrefix = dataschemaPrefix;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public short getReplicas() {
        return replicas;
    }

    public void setReplicas(short replicas) {
        this.replicas = replicas;
    }

    public Relay getRelay() {
        return relay;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public Processed getProcessed() {
        return processed;
    }

    /** The outbox relay. */
    public static class Relay {

        /** Whether the relay runs (a consumer-only service can turn it off). */
        private boolean enabled = true;

        /** Fallback polling interval (the relay is also woken after each save). */
        private Duration pollInterval = Duration.ofSeconds(1);

        /** How long a relay instance owns a document it is publishing. */
        private Duration lease = Duration.ofSeconds(30);

        /** Documents examined per collection and round. */
        private int batchSize = 100;

        /** How long to wait for the broker's acknowledgement of one event. */
        private Duration sendTimeout = Duration.ofSeconds(10);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }
    }

    /** Listener error handling: exponential back-off, then the dead-letter topic. */
    public static class Consumer {

        /** Delivery attempts in total, the first one included. */
        private int maxAttempts = 3;

        /** Wait before the first retry. */
        private Duration initialInterval = Duration.ofMillis(200);

        /** Factor applied to the wait after each retry. */
        private double multiplier = 2.0;

        /** Upper bound of one wait. */
        private Duration maxInterval = Duration.ofSeconds(10);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }
    }

    /** The processed-events store of idempotent consumers. */
    public static class Processed {

        /** MongoDB collection. */
        private String collection = "processed_events";

        /** How long an applied event is remembered (TTL index). */
        private Duration ttl = Duration.ofDays(30);

        public String getCollection() {
            return collection;
        }

        public void setCollection(String collection) {
            this.collection = collection;
        }

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }
    }
}
