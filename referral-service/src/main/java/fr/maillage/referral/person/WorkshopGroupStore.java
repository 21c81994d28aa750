package fr.maillage.referral.person;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code workshop_groups} projection. Each write is one atomic upsert that returns the group as it is
 * after it, so whichever of "opened" and "person confirmed" comes second sees both.
 */
@Component
class WorkshopGroupStore {

    private final MongoTemplate mongo;

    WorkshopGroupStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    WorkshopGroup opened(String groupId, String territory, String institution, List<String> facilitatorIds) {
        Update update = new Update().set("territory", territory).set("facilitatorIds", List.copyOf(facilitatorIds));
        if (institution != null) {
            update.set("institution", institution);
        }
        return upsert(groupId, update);
    }

    WorkshopGroup confirmed(String groupId, String personRef, String territory) {
        return upsert(
                groupId,
                new Update()
                        .addToSet("participants", new Document("personRef", personRef).append("territory", territory))
                        .setOnInsert("territory", territory));
    }

    /** An erased person leaves every group they were in (the projection keeps no trace of them). */
    void forget(String personRef) {
        mongo.updateMulti(
                Query.query(where("participants.personRef").is(personRef)),
                new Update().pull("participants", new Document("personRef", personRef)),
                WorkshopGroup.class);
    }

    private WorkshopGroup upsert(String groupId, Update update) {
        Query group = Query.query(where("_id").is(groupId));
        FindAndModifyOptions afterUpsert =
                FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(group, update, afterUpsert, WorkshopGroup.class);
        } catch (DuplicateKeyException insertedMeanwhile) {
            // Two first writes raced on the upsert: the document exists now, so this one updates it.
            return mongo.findAndModify(group, update, afterUpsert, WorkshopGroup.class);
        }
    }
}
