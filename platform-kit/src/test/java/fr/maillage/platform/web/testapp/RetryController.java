package fr.maillage.platform.web.testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints whose timing or failures the idempotency tests control. */
@RestController
public class RetryController {

    /** How many times {@code /api/flaky} ran; the first run fails. */
    public static final AtomicInteger flakyRuns = new AtomicInteger();

    /** {@code /api/slow} waits for this before answering. */
    public static volatile CountDownLatch slowGate = new CountDownLatch(0);

    public static final AtomicInteger slowRuns = new AtomicInteger();

    record Note(String text) {}

    @PostMapping("/api/flaky")
    Note flaky(@RequestBody Note note) {
        if (flakyRuns.incrementAndGet() == 1) {
            throw new IllegalStateException("first run fails");
        }
        return new Note(note.text() + " #" + flakyRuns.get());
    }

    @PostMapping("/api/slow")
    Note slow(@RequestBody Note note) throws InterruptedException {
        slowRuns.incrementAndGet();
        slowGate.await(30, TimeUnit.SECONDS);
        return new Note(note.text() + " done");
    }
}
