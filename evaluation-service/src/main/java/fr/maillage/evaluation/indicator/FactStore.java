package fr.maillage.evaluation.indicator;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import fr.maillage.evaluation.indicator.Facts.ActionFact;
import fr.maillage.evaluation.indicator.Facts.AlertFact;
import fr.maillage.evaluation.indicator.Facts.EnrolmentFact;
import fr.maillage.evaluation.indicator.Facts.GroupFact;
import fr.maillage.evaluation.indicator.Facts.MeetingFact;
import fr.maillage.evaluation.indicator.Facts.ReferralFact;
import fr.maillage.evaluation.indicator.Facts.SessionFact;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The projection's facts in MongoDB: one collection per {@link FactKind}, one document per subject, written
 * only with targeted upserts ({@code $set}, {@code $min}, {@code $max}, {@code $addToSet}) so that
 * duplicates and out-of-order events change nothing; and the territories seen. Read by territory and time
 * window for the formulas.
 *
 * <p>The facts live in a <em>generation</em> of collections ({@code indicator_referrals}, then
 * {@code indicator_referrals_g1}...), named by one document ({@value #GENERATION}): a rebuild fills the next
 * generation and then makes it current with a single write, so readers never see half-built facts. Each
 * instance re-reads the current generation at most every {@link #GENERATION_REFRESH}.
 *
 * <p>Built on the driver alone (no Spring), so the benchmark uses it as the service does.
 */
public class FactStore {

    /** The collection of the document naming the current generation. */
    static final String GENERATION = "indicator_generation";

    static final String TERRITORIES = "indicator_territories";

    /** How long an instance trusts the generation it read. */
    public static final Duration GENERATION_REFRESH = Duration.ofSeconds(1);

    private static final String CURRENT = "current";
    private static final Pattern GENERATION_SUFFIX = Pattern.compile("^indicator_[a-z]+(_g(\\d+))?$");
    private static final int DUPLICATE_KEY = 11000;
    private static final int NAMESPACE_EXISTS = 48;
    private static final int MAX_ATTEMPTS = 3;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoDatabase database;
    private final Set<String> knownTerritories = ConcurrentHashMap.newKeySet();
    private volatile Known known = new Known(-1, 0);

    /** The generation read, and when ({@link System#nanoTime()}). */
    private record Known(long generation, long readAt) {}

    public FactStore(MongoDatabase database) {
        this.database = database;
        ensureCollections(generation());
    }

    // ---- generations

    /** The current generation (0 until a rebuild made another one current). */
    long generation() {
        Known cached = known;
        long now = System.nanoTime();
        if (cached.generation() >= 0 && now - cached.readAt() < GENERATION_REFRESH.toNanos()) {
            return cached.generation();
        }
        long generation = readGeneration();
        known = new Known(generation, now);
        return generation;
    }

    private long readGeneration() {
        Document current =
                database.getCollection(GENERATION).find(eq("_id", CURRENT)).first();
        return current == null || !(current.get("generation") instanceof Number n) ? 0 : n.longValue();
    }

    private MongoCollection<Document> collection(FactKind kind, long generation) {
        return database.getCollection(name(kind.collection(), generation));
    }

    private MongoCollection<Document> territories(long generation) {
        return database.getCollection(name(TERRITORIES, generation));
    }

    private static String name(String base, long generation) {
        return generation == 0 ? base : base + "_g" + generation;
    }

    /** The current collection of a kind of facts (for tests that look at the documents). */
    public String collectionName(FactKind kind) {
        return name(kind.collection(), generation());
    }

    /** The generation's collections (even empty) and the indexes of the queries below (idempotent). */
    private void ensureCollections(long generation) {
        for (FactKind kind : FactKind.values()) {
            create(name(kind.collection(), generation));
        }
        create(name(TERRITORIES, generation));
        index(FactKind.REFERRAL, generation, "territory", "submittedAt");
        index(FactKind.ALERT, generation, "territory", "raisedAt");
        index(FactKind.GROUP, generation, "territory", "firstSessionAt");
        index(FactKind.GROUP, generation, "territory", "completedAt");
        index(FactKind.ENROLMENT, generation, "groupId");
        index(FactKind.ENROLMENT, generation, "territory", "confirmedAt");
        index(FactKind.ENROLMENT, generation, "territory", "waitlistedAt");
        index(FactKind.SESSION, generation, "territory", "startsAt");
        index(FactKind.MEETING, generation, "territory", "startsAt");
        index(FactKind.MEETING, generation, "territory", "heldAt");
        index(FactKind.ACTION, generation, "territory", "dueOn");
    }

    private void create(String collection) {
        Set<String> existing = new LinkedHashSet<>();
        database.listCollectionNames().forEach(existing::add);
        if (existing.contains(collection)) {
            return;
        }
        try {
            database.createCollection(collection);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != NAMESPACE_EXISTS) {
                throw e;
            }
        }
    }

    private void index(FactKind kind, long generation, String... fields) {
        collection(kind, generation)
                .createIndex(Indexes.ascending(fields), new IndexOptions().name(String.join("_", fields)));
    }

    /** Drops every collection of the facts but those of the generations to keep. */
    private void dropGenerationsBut(Set<Long> keep) {
        List<String> names = new ArrayList<>();
        database.listCollectionNames().forEach(names::add);
        Set<String> bases = new LinkedHashSet<>();
        for (FactKind kind : FactKind.values()) {
            bases.add(kind.collection());
        }
        bases.add(TERRITORIES);
        for (String collection : names) {
            Matcher matcher = GENERATION_SUFFIX.matcher(collection);
            if (!matcher.matches()) {
                continue;
            }
            String base = matcher.group(1) == null
                    ? collection
                    : collection.substring(
                            0, collection.length() - matcher.group(1).length());
            long generation = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
            if (bases.contains(base) && !keep.contains(generation)) {
                database.getCollection(collection).drop();
            }
        }
    }

    // ---- writing

    /**
     * Applies the updates to the current generation: those of one subject merged into one, then one unordered
     * bulk write per collection (the operators commute, so order does not matter). A duplicate key (two
     * writers upserting a new subject at once) is retried: the document then exists.
     *
     * @return the subjects written
     */
    public int apply(Collection<FactUpdate> updates) {
        return apply(generation(), updates, true);
    }

    private int apply(long generation, Collection<FactUpdate> updates, boolean rememberTerritories) {
        Map<FactKind, Map<String, FactUpdate>> bySubject = new EnumMap<>(FactKind.class);
        Set<String> territories = new TreeSet<>();
        for (FactUpdate update : updates) {
            if (update.isEmpty()) {
                continue;
            }
            bySubject
                    .computeIfAbsent(update.kind(), k -> new LinkedHashMap<>())
                    .merge(update.id(), update, FactUpdate::merge);
            if (update.territory() != null
                    && !(rememberTerritories && knownTerritories.contains(generation + "/" + update.territory()))) {
                territories.add(update.territory());
            }
        }
        int written = 0;
        for (Map.Entry<FactKind, Map<String, FactUpdate>> kind : bySubject.entrySet()) {
            List<WriteModel<Document>> models = new ArrayList<>();
            for (FactUpdate update : kind.getValue().values()) {
                models.add(new UpdateOneModel<>(eq("_id", update.id()), mongoUpdate(update), UPSERT));
            }
            bulkWrite(collection(kind.getKey(), generation), models);
            written += models.size();
        }
        if (!territories.isEmpty()) {
            List<WriteModel<Document>> models = new ArrayList<>();
            for (String territory : territories) {
                models.add(new UpdateOneModel<>(
                        eq("_id", territory), new Document("$set", new Document("territory", territory)), UPSERT));
            }
            bulkWrite(territories(generation), models);
            if (rememberTerritories) {
                territories.forEach(territory -> knownTerritories.add(generation + "/" + territory));
            }
        }
        return written;
    }

    private static void bulkWrite(MongoCollection<Document> collection, List<WriteModel<Document>> models) {
        List<WriteModel<Document>> pending = models;
        for (int attempt = 1; ; attempt++) {
            try {
                collection.bulkWrite(pending, UNORDERED);
                return;
            } catch (MongoBulkWriteException e) {
                List<WriteModel<Document>> retry = new ArrayList<>();
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    retry.add(pending.get(error.getIndex()));
                }
                if (retry.isEmpty()) {
                    throw e;
                }
                pending = retry;
            }
        }
    }

    /** The MongoDB update document of a fact update. */
    static Document mongoUpdate(FactUpdate update) {
        Document document = new Document();
        operator(document, "$set", update.sets());
        operator(document, "$min", update.mins());
        operator(document, "$max", update.maxes());
        if (!update.addsToSet().isEmpty()) {
            Document adds = new Document();
            update.addsToSet()
                    .forEach((field, values) -> adds.put(
                            field,
                            values.size() == 1
                                    ? bson(values.getFirst())
                                    : new Document(
                                            "$each",
                                            values.stream().map(FactStore::bson).toList())));
            document.put("$addToSet", adds);
        }
        return document;
    }

    private static void operator(Document update, String operator, Map<String, Object> fields) {
        if (!fields.isEmpty()) {
            Document values = new Document();
            fields.forEach((field, value) -> values.put(field, bson(value)));
            update.put(operator, values);
        }
    }

    private static Object bson(Object value) {
        return switch (value) {
            case Instant instant -> Date.from(instant);
            case Map<?, ?> map -> {
                Document document = new Document();
                map.forEach((k, v) -> document.put(String.valueOf(k), bson(v)));
                yield document;
            }
            default -> value;
        };
    }

    // ---- rebuilding

    /** What a rebuild went through. */
    public record Rebuilt(long records, long invalid, long generation) {}

    /**
     * Rebuilds every fact from the start of the topics, through the same fold as the live listener: the replay
     * up to the topics' current end fills the next generation, which then becomes current in one write (readers
     * never see half-built facts); once every instance has seen the switch, the events that arrived meanwhile
     * (which live listeners may have written to the previous generation) are replayed on top, harmlessly where
     * they are already there. The previous generation is then dropped.
     *
     * @param progress told the records replayed so far
     */
    public Rebuilt rebuildFrom(TopicReplayClient replay, Consumer<Long> progress) {
        long current = readGeneration();
        long next = current + 1;
        dropGenerationsBut(Set.of(current));
        ensureCollections(next);
        TopicReplayClient.Replayed first = replay.replay(updates -> apply(next, updates, false), progress);
        database.getCollection(GENERATION)
                .updateOne(eq("_id", CURRENT), new Document("$set", new Document("generation", next)), UPSERT);
        known = new Known(next, System.nanoTime());
        try {
            Thread.sleep(GENERATION_REFRESH.multipliedBy(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the instances take up the rebuilt facts", e);
        }
        TopicReplayClient.Replayed meanwhile = replay.replay(
                first.end(),
                updates -> apply(next, updates, false),
                records -> progress.accept(first.records() + records));
        dropGenerationsBut(Set.of(next));
        return new Rebuilt(first.records() + meanwhile.records(), first.invalid() + meanwhile.invalid(), next);
    }

    /** How many subjects of a kind have facts. */
    public long count(FactKind kind) {
        return collection(kind, generation()).countDocuments();
    }

    /** The territories of the events projected so far. */
    public Set<String> territories() {
        Set<String> territories = new LinkedHashSet<>();
        for (Document document : territories(generation()).find()) {
            territories.add(String.valueOf(document.get("_id")));
        }
        return territories;
    }

    // ---- reading

    /**
     * The facts of the current generation, for one computation: every query of the view reads the same
     * generation, even if a rebuild makes another one current meanwhile.
     */
    public FactSource current() {
        return new View(generation());
    }

    private final class View implements FactSource {

        private final long generation;

        private View(long generation) {
            this.generation = generation;
        }

        @Override
        public List<ReferralFact> referralsSubmitted(String territory, Instant from, Instant to) {
            return find(FactKind.REFERRAL, within(territory, "submittedAt", from, to), ReferralFact::from);
        }

        @Override
        public List<AlertFact> alertsRaised(String territory, Instant from, Instant to) {
            return find(FactKind.ALERT, within(territory, "raisedAt", from, to), AlertFact::from);
        }

        @Override
        public List<GroupFact> groupsStarting(String territory, Instant from, Instant to) {
            return find(FactKind.GROUP, within(territory, "firstSessionAt", from, to), GroupFact::from);
        }

        @Override
        public List<GroupFact> groupsCompleted(String territory, Instant from, Instant to) {
            return find(FactKind.GROUP, within(territory, "completedAt", from, to), GroupFact::from);
        }

        @Override
        public List<GroupFact> groups(Collection<String> groupIds) {
            return groupIds.isEmpty() ? List.of() : find(FactKind.GROUP, in("_id", groupIds), GroupFact::from);
        }

        @Override
        public List<EnrolmentFact> enrolmentsOfGroups(Collection<String> groupIds) {
            return groupIds.isEmpty()
                    ? List.of()
                    : find(FactKind.ENROLMENT, in("groupId", groupIds), EnrolmentFact::from);
        }

        @Override
        public List<EnrolmentFact> enrolmentsConfirmed(String territory, Instant from, Instant to) {
            return find(FactKind.ENROLMENT, within(territory, "confirmedAt", from, to), EnrolmentFact::from);
        }

        @Override
        public List<EnrolmentFact> enrolmentsWaitlisted(String territory, Instant before) {
            return find(
                    FactKind.ENROLMENT,
                    and(eq("territory", territory), lt("waitlistedAt", Date.from(before))),
                    EnrolmentFact::from);
        }

        @Override
        public List<SessionFact> sessionsStarting(String territory, Instant from, Instant to) {
            return find(FactKind.SESSION, within(territory, "startsAt", from, to), SessionFact::from);
        }

        @Override
        public List<MeetingFact> meetingsStarting(String territory, Instant from, Instant to) {
            return find(
                    FactKind.MEETING,
                    and(eq("territory", territory), or(range("startsAt", from, to), range("heldAt", from, to))),
                    MeetingFact::from);
        }

        @Override
        public List<ActionFact> actionsDue(String territory, LocalDate firstDay, LocalDate lastDay) {
            return find(
                    FactKind.ACTION,
                    and(
                            eq("territory", territory),
                            gte("dueOn", firstDay.toString()),
                            lte("dueOn", lastDay.toString())),
                    ActionFact::from);
        }

        private Bson within(String territory, String field, Instant from, Instant to) {
            return and(eq("territory", territory), range(field, from, to));
        }

        private Bson range(String field, Instant from, Instant to) {
            return and(gte(field, Date.from(from)), lt(field, Date.from(to)));
        }

        private <T> List<T> find(FactKind kind, Bson filter, Function<Map<String, ?>, T> fact) {
            List<T> facts = new ArrayList<>();
            for (Document document : collection(kind, generation).find(filter)) {
                facts.add(fact.apply(document));
            }
            return facts;
        }
    }
}
