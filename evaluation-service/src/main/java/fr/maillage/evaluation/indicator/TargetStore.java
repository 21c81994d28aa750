package fr.maillage.evaluation.indicator;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The territories' own targets (over the configured defaults), one document per territory and indicator. */
@Component
class TargetStore {

    private final MongoTemplate mongo;

    TargetStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(TerritoryTarget.class).createIndex(new Index().on("territory", Sort.Direction.ASC));
    }

    List<TerritoryTarget> of(String territory) {
        return mongo.find(Query.query(where("territory").is(territory)), TerritoryTarget.class);
    }

    /** Sets (or replaces) the territory's target for the indicator, in one upsert. */
    TerritoryTarget put(String territory, Target target, String by, Instant at) {
        String id = TerritoryTarget.id(territory, target.indicatorId());
        mongo.upsert(
                Query.query(where("_id").is(id)),
                new Update()
                        .set("territory", territory)
                        .set("indicatorId", target.indicatorId())
                        .set("comparison", target.comparison())
                        .set("threshold", target.threshold())
                        .set("updatedBy", by)
                        .set("updatedAt", at),
                TerritoryTarget.class);
        return new TerritoryTarget(
                id, territory, target.indicatorId(), target.comparison(), target.threshold(), by, at);
    }

    /** @return whether the territory had its own target */
    boolean remove(String territory, String indicatorId) {
        return mongo.remove(
                                Query.query(where("_id").is(TerritoryTarget.id(territory, indicatorId))),
                                TerritoryTarget.class)
                        .getDeletedCount()
                > 0;
    }

    Set<String> territories() {
        Set<String> territories = new LinkedHashSet<>();
        mongo.findAll(TerritoryTarget.class).forEach(t -> territories.add(t.territory()));
        return territories;
    }

    /** A territory's own target; {@code updatedBy} is a user id. */
    @Document("indicator_targets")
    record TerritoryTarget(
            @Id String id,
            String territory,
            String indicatorId,
            Comparison comparison,
            double threshold,
            String updatedBy,
            Instant updatedAt) {

        static String id(String territory, String indicatorId) {
            return territory + "/" + indicatorId;
        }

        Target target() {
            return new Target(indicatorId, comparison, threshold);
        }
    }
}
