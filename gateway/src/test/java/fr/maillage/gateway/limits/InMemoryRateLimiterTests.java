package fr.maillage.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.util.unit.DataSize;

class InMemoryRateLimiterTests {

    private final AtomicLong now = new AtomicLong();
    private final InMemoryRateLimiter limiter =
            new InMemoryRateLimiter(new LimitProperties(DataSize.ofMegabytes(1), 1, 2), now::get);

    @Test
    void eachKeyHasItsOwnBucket() {
        limiter.decide("console|alice");
        limiter.decide("console|alice");

        assertThat(limiter.decide("console|alice").isAllowed()).isFalse();
        assertThat(limiter.decide("console|bob").isAllowed()).isTrue();
        assertThat(limiter.decide("partner-epsm|alice").isAllowed()).isTrue();
    }

    @Test
    void deniedAnswerSaysWhenToRetry() {
        limiter.decide("k");
        Response allowed = limiter.decide("k");
        Response denied = limiter.decide("k");

        assertThat(allowed.getHeaders()).containsEntry(InMemoryRateLimiter.REMAINING_HEADER, "0");
        assertThat(denied.isAllowed()).isFalse();
        assertThat(denied.getHeaders()).containsEntry("Retry-After", "1");
    }

    @Test
    void idleFullBucketsAreForgottenAfterAMinute() {
        limiter.decide("idle");
        now.addAndGet(TimeUnit.SECONDS.toNanos(30));
        limiter.decide("busy");
        assertThat(limiter.size()).isEqualTo(2);

        now.addAndGet(TimeUnit.SECONDS.toNanos(31));
        limiter.decide("busy");

        assertThat(limiter.size()).isEqualTo(1);
    }
}
