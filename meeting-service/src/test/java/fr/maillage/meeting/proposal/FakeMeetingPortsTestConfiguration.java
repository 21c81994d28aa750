package fr.maillage.meeting.proposal;

import fr.maillage.meeting.meeting.CaseItemErasure;
import fr.maillage.meeting.meeting.MeetingAgenda;
import fr.maillage.meeting.meeting.ReportRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * TEST FAKES of the meetings' own ports (Kafka and Mongo stay real): an agenda whose practice groups the
 * test opens per territory, and recorders of erasures and published reports.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeMeetingPortsTestConfiguration {

    @Bean
    @Primary
    FakeMeetingAgenda fakeMeetingAgenda() {
        return new FakeMeetingAgenda();
    }

    @Bean
    @Primary
    FakeCaseItemErasure fakeCaseItemErasure() {
        return new FakeCaseItemErasure();
    }

    @Bean
    @Primary
    FakeReportRegistry fakeReportRegistry() {
        return new FakeReportRegistry();
    }

    /**
     * The next practice group of a territory is whatever the test says; an item lands once per cause
     * within a meeting, as the real agenda promises.
     */
    public static final class FakeMeetingAgenda implements MeetingAgenda {

        private final Map<String, String> nextPracticeGroup = new ConcurrentHashMap<>();
        private final Map<String, ProposedItemPlaced> placed = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final List<ProposedItem> landed = new CopyOnWriteArrayList<>();

        /** Gives the territory a practice group ahead; returns its meeting id. */
        public String openPracticeGroup(String territory) {
            String meetingId = UUID.randomUUID().toString();
            nextPracticeGroup.put(territory, meetingId);
            return meetingId;
        }

        @Override
        public Optional<ProposedItemPlaced> proposeOnNextPracticeGroup(String territory, ProposedItem item) {
            calls.computeIfAbsent(item.causeKey(), key -> new AtomicInteger()).incrementAndGet();
            String meetingId = nextPracticeGroup.get(territory);
            if (meetingId == null) {
                return Optional.empty();
            }
            return Optional.of(placed.computeIfAbsent(meetingId + "|" + item.causeKey(), key -> {
                landed.add(item);
                return new ProposedItemPlaced(meetingId, UUID.randomUUID().toString());
            }));
        }

        /** How many times the cause was offered to the agenda (placed or not). */
        public int calls(String causeKey) {
            AtomicInteger count = calls.get(causeKey);
            return count == null ? 0 : count.get();
        }

        /** The items that landed on a meeting for causes matching {@code causePrefix}. */
        public List<ProposedItem> landed(String causePrefix) {
            return landed.stream()
                    .filter(item -> item.causeKey().startsWith(causePrefix))
                    .toList();
        }
    }

    /** Remembers which persons' case items were asked to be anonymised, in order. */
    public static final class FakeCaseItemErasure implements CaseItemErasure {

        private final List<String> anonymised = new CopyOnWriteArrayList<>();

        @Override
        public int anonymise(String personRef) {
            anonymised.add(personRef);
            return 0;
        }

        public List<String> anonymised() {
            return List.copyOf(anonymised);
        }
    }

    /** Every report heard, in order. */
    public static final class FakeReportRegistry implements ReportRegistry {

        public record Report(String reportId, String territory, String quarter, Instant publishedAt) {}

        private final List<Report> reports = new CopyOnWriteArrayList<>();

        @Override
        public void reportPublished(String reportId, String territory, String quarter, Instant publishedAt) {
            reports.add(new Report(reportId, territory, quarter, publishedAt));
        }

        public List<Report> reports() {
            return List.copyOf(reports);
        }
    }
}
