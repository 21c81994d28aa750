package fr.maillage.referral.resource;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * The directory search: normalised keywords instead of {@code $text} (the Mongo wire server has none),
 * every filter an indexed equality or range, combined with {@code $and}.
 */
@Component
class ResourceSearchRepository {

    private static final Logger log = LoggerFactory.getLogger(ResourceSearchRepository.class);

    private final MongoTemplate mongo;

    ResourceSearchRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(Resource.class);
        indexes.createIndex(new Index("keywords", Sort.Direction.ASC).named("resources_keywords"));
        indexes.createIndex(new Index("type", Sort.Direction.ASC).named("resources_type"));
        indexes.createIndex(new Index("territory", Sort.Direction.ASC).named("resources_territory"));
        indexes.createIndex(new Index("communes", Sort.Direction.ASC).named("resources_communes"));
        indexes.createIndex(new Index("status", Sort.Direction.ASC)
                .on("sortName", Sort.Direction.ASC)
                .named("resources_status_name"));
    }

    /** One page of the resources that meet every criterion, by name. */
    Page<Resource> search(ResourceSearch search, Instant now, Duration staleAfter) {
        List<Criteria> all = new ArrayList<>();
        all.add(where("status").is(search.status()));
        List<String> tokens = search.tokens();
        if (!tokens.isEmpty()) {
            List<String> whole = tokens.subList(0, tokens.size() - 1);
            if (!whole.isEmpty()) {
                all.add(where("keywords").all(whole));
            }
            // Tokens are letters and digits only (Keywords), nothing to escape in the pattern.
            all.add(where("keywords").regex("^" + tokens.getLast()));
        }
        if (search.type() != null) {
            all.add(where("type").is(search.type()));
        }
        if (search.commune() != null) {
            all.add(where("communes").is(search.commune()));
        }
        if (search.territory() != null) {
            all.add(where("territory").is(search.territory()));
        }
        if (search.age() != null) {
            // A missing bound is an open one.
            all.add(new Criteria()
                    .orOperator(
                            where("minimumAge").is(null), where("minimumAge").lte(search.age())));
            all.add(new Criteria()
                    .orOperator(
                            where("maximumAge").is(null), where("maximumAge").gte(search.age())));
        }
        if (search.availableOnly()) {
            all.add(where("capacity.available").gt(0));
        }
        if (search.stale() != null) {
            Instant freshSince = now.minus(staleAfter);
            all.add(
                    search.stale()
                            ? new Criteria()
                                    .orOperator(
                                            where("lastVerifiedAt").is(null),
                                            where("lastVerifiedAt").lt(freshSince))
                            : where("lastVerifiedAt").gte(freshSince));
        }
        Pageable pageable = PageRequest.of(
                search.page(), search.size(), Sort.by(Sort.Order.asc("sortName"), Sort.Order.asc("_id")));
        Query query = new Query(new Criteria().andOperator(all)).with(pageable);
        List<Resource> found = mongo.find(query, Resource.class);
        return PageableExecutionUtils.getPage(
                found, pageable, () -> mongo.count(Query.of(query).limit(-1).skip(-1), Resource.class));
    }

    /** Records written before the directory had keywords get them, so the search finds them too. */
    @EventListener(ApplicationReadyEvent.class)
    void indexOlderRecords() {
        int indexed = 0;
        for (Resource resource : mongo.find(new Query(where("sortName").exists(false)), Resource.class)) {
            resource.reindex();
            try {
                mongo.save(resource);
                indexed++;
            } catch (OptimisticLockingFailureException concurrent) {
                // Another instance (or an edit) got there first: it is indexed now.
            }
        }
        if (indexed > 0) {
            log.info("Indexed the keywords of {} older directory records", indexed);
        }
    }
}
