package fr.maillage.referral.person;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The registry's own audit trail of accesses to personal data (collection {@code person_access_log}). */
@Component
class AccessLogStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"));

    private final AccessLogRepository entries;

    AccessLogStore(AccessLogRepository entries, MongoTemplate mongo) {
        this.entries = entries;
        mongo.indexOps(AccessLogEntry.class)
                .createIndex(new Index()
                        .on("personRef", Sort.Direction.ASC)
                        .on("at", Sort.Direction.DESC)
                        .named("person_access_log_by_person"));
    }

    AccessLogEntry record(
            CurrentUser who, String personRef, String action, String reason, boolean granted, Instant at) {
        return entries.insert(new AccessLogEntry(
                new ObjectId().toHexString(),
                personRef,
                who.id(),
                who.username(),
                who.institution(),
                who.roles().stream().map(Role::claimValue).sorted().toList(),
                at,
                reason,
                action,
                granted));
    }

    Page<AccessLogEntry> of(String personRef, int page, int size) {
        return entries.findByPersonRef(personRef, PageRequest.of(page, size, NEWEST_FIRST));
    }
}
