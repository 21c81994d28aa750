package fr.maillage.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTests {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void burstIsAllowedThenTheNextRequestWaitsForARefill() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);

        assertThat(bucket.tryTake(0)).isEqualTo(new TokenBucket.Decision(true, 2, 0));
        assertThat(bucket.tryTake(0)).isEqualTo(new TokenBucket.Decision(true, 1, 0));
        assertThat(bucket.tryTake(0)).isEqualTo(new TokenBucket.Decision(true, 0, 0));
        assertThat(bucket.tryTake(0)).isEqualTo(new TokenBucket.Decision(false, 0, 1));
    }

    @Test
    void tokensComeBackAtTheReplenishRate() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(SECOND / 20).allowed()).isFalse();
        assertThat(bucket.tryTake(SECOND / 10).allowed()).isTrue();
        assertThat(bucket.tryTake(SECOND / 10).allowed()).isFalse();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilATokenIsBack() {
        TokenBucket bucket = new TokenBucket(1, 0.25, 0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(SECOND).retryAfterSeconds()).isEqualTo(3);
        assertThat(bucket.tryTake(SECOND + SECOND / 2).retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void refillNeverExceedsTheCapacity() {
        TokenBucket bucket = new TokenBucket(2, 100, 0);

        assertThat(bucket.tryTake(3600 * SECOND).remaining()).isEqualTo(1);
        assertThat(bucket.isFull(3600 * SECOND)).isFalse();
        assertThat(bucket.isFull(3600 * SECOND + SECOND)).isTrue();
    }
}
