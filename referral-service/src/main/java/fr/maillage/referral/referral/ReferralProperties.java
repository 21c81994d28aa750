package fr.maillage.referral.referral;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code maillage.referral.*} as far as referrals go (other keys under the prefix belong to other
 * features and are ignored here).
 *
 * @param answerTargets how long the receiving side has to answer, by priority ({@code URGENT: PT48H},
 *     {@code ROUTINE: P7D} when not set)
 * @param overdue the overdue watcher's schedule
 */
@ConfigurationProperties("maillage.referral")
public record ReferralProperties(Map<Priority, Duration> answerTargets, Overdue overdue) {

    public ReferralProperties {
        overdue = overdue == null ? new Overdue(null, null) : overdue;
    }

    /**
     * @param interval how often the watcher looks for unanswered referrals (the delay between two sweeps)
     * @param batchSize the most referrals flagged in one sweep (the next sweep takes the rest)
     */
    public record Overdue(Duration interval, Integer batchSize) {

        public Overdue {
            interval = interval == null ? Duration.ofMinutes(1) : interval;
            batchSize = batchSize == null ? 100 : batchSize;
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("maillage.referral.overdue.interval must be positive");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("maillage.referral.overdue.batch-size must be at least 1");
            }
        }
    }
}
