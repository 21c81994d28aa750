package fr.maillage.workshop.programme;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps the programmes projection in step with the directory, and the coordinators' settings.
 *
 * <p>The directory and the coordinators write different fields of the same document, each with a
 * targeted update of its own fields only: a description arriving while a coordinator changes the
 * settings can neither drop the settings nor be dropped by them (no read-modify-write of the whole
 * document). Every write increments {@code version}, the programme's ETag.
 */
@Service
public class ProgrammeService {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeService.class);

    private final ProgrammeRepository programmes;
    private final MongoTemplate mongo;
    private final ProgrammeSettings defaults;

    ProgrammeService(ProgrammeRepository programmes, MongoTemplate mongo, ProgrammeDefaultsProperties defaults) {
        this.programmes = programmes;
        this.mongo = mongo;
        this.defaults = defaults.settings();
    }

    /**
     * Records what the directory says about a resource; idempotent, and never backwards (a
     * description older than the stored one is ignored). A resource that is not (or no longer) a
     * workshop programme is only kept if we already knew it, so its new type withdraws it.
     */
    public void describe(
            String resourceId,
            String type,
            String institution,
            String territory,
            List<String> communes,
            String status,
            Instant at) {
        if (!programmes.existsById(resourceId)) {
            if (!Programme.WORKSHOP_PROGRAMME.equals(type)) {
                return;
            }
            try {
                mongo.insert(new Programme(resourceId, type, institution, territory, communes, status, at));
                return;
            } catch (DuplicateKeyException createdMeanwhile) {
                // Another writer created it since: describe it like a known one.
            }
        }
        // The directory does not carry the settings: this update never names them.
        Update description = new Update()
                .set("type", type)
                .set("institution", institution)
                .set("territory", territory)
                .set("communes", communes == null ? List.of() : communes)
                .set("status", status)
                .set("describedAt", at)
                .inc("version", 1);
        long matched = mongo.updateFirst(
                        query(where("_id").is(resourceId).and("describedAt").lte(at)), description, Programme.class)
                .getMatchedCount();
        if (matched == 0) {
            log.info("Ignoring an older description of programme {}", resourceId);
        }
    }

    /** The settings a programme's groups run with: its own, else the configured defaults. */
    public ProgrammeSettings settingsOf(Programme programme) {
        return programme.settingsOr(defaults);
    }

    public Optional<Programme> find(String programmeId) {
        return programmes.findById(programmeId);
    }

    /**
     * The programme if this user may read it: admins, facilitators (they run its groups),
     * coordinators of its territory; anyone else is told it does not exist.
     */
    public Programme readableBy(String programmeId, CurrentUser user) {
        return find(programmeId)
                .filter(programme -> user.hasAnyRole(Role.ADMIN, Role.FACILITATOR) || coordinates(user, programme))
                .orElseThrow(() -> Problems.notFound("programme", programmeId));
    }

    /**
     * Sets a programme's settings (coordinators of its territory, admins). With {@code ifMatch}
     * the change applies only to that version of the programme, else to whatever it is now: the
     * directory's fields are left alone either way.
     *
     * @param ifMatch the request's {@code If-Match}, optional
     * @return the programme as it is after the change
     */
    public Programme changeSettings(String programmeId, ProgrammeSettings settings, CurrentUser user, String ifMatch) {
        Programme programme = readableBy(programmeId, user);
        if (!user.hasRole(Role.ADMIN) && !coordinates(user, programme)) {
            throw Problems.forbidden("Only a coordinator of " + programme.territory()
                    + " or an administrator may change the settings of programme " + programmeId + ".");
        }
        Criteria target = where("_id").is(programmeId);
        boolean conditional = ifMatch != null && !ifMatch.isBlank();
        if (conditional) {
            ETags.requireMatch(ifMatch, programme.version());
            // The version we checked must still be the stored one when the update applies.
            target = programme.version() == 0
                    ? target.orOperator(where("version").is(0), where("version").exists(false))
                    : target.and("version").is(programme.version());
        }
        Programme changed = mongo.findAndModify(
                query(target),
                new Update().set("settings", settings).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true),
                Programme.class);
        if (changed == null && conditional) {
            throw Problems.preconditionFailed("Programme " + programmeId + " changed meanwhile: If-Match "
                            + ifMatch.trim() + " is stale. Read it again and retry with its new ETag.")
                    .with(
                            "currentETag",
                            find(programmeId)
                                    .map(now -> ETags.of(now.version()))
                                    .orElse(null));
        }
        if (changed == null) {
            throw Problems.notFound("programme", programmeId);
        }
        log.info("Settings of programme {} set by {}: {}", programmeId, user.id(), settings);
        return changed;
    }

    private static boolean coordinates(CurrentUser user, Programme programme) {
        return user.hasRole(Role.COORDINATOR) && user.coversTerritory(programme.territory());
    }
}
