package fr.maillage.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code maillage.web.*}: limits of the HTTP conventions. */
@ConfigurationProperties("maillage.web")
public class MaillageWebProperties {

    /** Largest request body accepted; larger ones get 413. Tomcat's form and multipart limits follow it. */
    private DataSize maxRequestSize = DataSize.ofMegabytes(1);

    private final Idempotency idempotency = new Idempotency();

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public Idempotency getIdempotency() {
        return idempotency;
    }

    /** {@code maillage.web.idempotency.*}. */
    public static class Idempotency {

        /** Whether POSTs with an {@code Idempotency-Key} header are deduplicated. */
        private boolean enabled = true;

        /** How long a key and its stored answer are kept (TTL index on {@code idempotency_keys}). */
        private Duration ttl = Duration.ofHours(24);

        /** After this, a request still marked in progress is taken as abandoned (crashed instance) and may run again. */
        private Duration inProgressTimeout = Duration.ofMinutes(2);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        public Duration getInProgressTimeout() {
            return inProgressTimeout;
        }

        public void setInProgressTimeout(Duration inProgressTimeout) {
            this.inProgressTimeout = inProgressTimeout;
        }
    }
}
