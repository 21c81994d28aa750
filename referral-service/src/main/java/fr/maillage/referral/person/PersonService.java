package fr.maillage.referral.person;

import fr.maillage.platform.observability.PersonalDataAudit;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ProblemException;
import fr.maillage.platform.web.Problems;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The person registry over HTTP: registration, identity reads (each one in the audit trail), care team,
 * consents and erasure. Outside a person's care team and territories, the person does not exist (404).
 */
@Service
class PersonService {

    private static final Logger log = LoggerFactory.getLogger(PersonService.class);
    static final int MAX_REASON_LENGTH = 200;

    private final PersonStore store;
    private final CareTeams careTeams;
    private final Consents consents;
    private final AccessLogStore accessLog;
    private final PersonalDataAudit audit;
    private final WorkshopGroupStore workshopGroups;

    PersonService(
            PersonStore store,
            CareTeams careTeams,
            Consents consents,
            AccessLogStore accessLog,
            PersonalDataAudit audit,
            WorkshopGroupStore workshopGroups) {
        this.store = store;
        this.careTeams = careTeams;
        this.consents = consents;
        this.accessLog = accessLog;
        this.audit = audit;
        this.workshopGroups = workshopGroups;
    }

    /**
     * Registers (or finds again) a person followed in {@code territory}; who registers a new person joins their care team.
     * Refused before any write when the caller does not work in that territory.
     */
    PersonStore.Registration register(Identity identity, String territory, CurrentUser user) {
        if (!user.coversTerritory(territory)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "territory-not-covered",
                    "Forbidden",
                    "You do not work in territory '" + territory + "': a person is registered in one of yours.");
        }
        Instant now = now();
        PersonStore.Registration registration = store.registration(identity, now);
        // Only who registers a new person joins the care team: knowing a name and a birth date must not
        // be enough to read someone's contact details. A found person is joined through a referral.
        if (registration.created()) {
            careTeams.add(
                    registration.personRef(),
                    new CareTeamMember(user.id(), user.institution(), CareTeamRole.RECORDED_BY, "registration"),
                    territory,
                    now);
        }
        log.info(
                "Person {} {} by {}",
                registration.personRef(),
                registration.created() ? "registered" : "found",
                user.id());
        return registration;
    }

    /** A person's identity as a member of the care team reads it. */
    record IdentityRead(Person person, Identity identity) {}

    /**
     * The identity, for the care team and the coordinators of the person's territories. Every attempt,
     * granted or refused, is in the trail with its reason.
     */
    IdentityRead readIdentity(String personRef, String reason, CurrentUser user) {
        String why = requireReason(reason, "access-reason-required", "X-Access-Reason");
        Optional<Person> person = store.find(personRef).filter(found -> PersonAccessPolicy.canSee(found, user));
        Optional<Identity> identity = person.flatMap(store::identity);
        boolean granted = identity.isPresent();
        accessLog.record(user, personRef, AccessLogEntry.READ_IDENTITY, why, granted, now());
        audit.record(user, personRef, granted ? "read-identity" : "read-identity-refused", why);
        if (!granted) {
            throw Problems.notFound("person", personRef);
        }
        return new IdentityRead(person.get(), identity.get());
    }

    List<CareTeamEntry> careTeam(String personRef, CurrentUser user) {
        return visible(personRef, user).careTeam();
    }

    List<ConsentRecord> consents(String personRef, CurrentUser user) {
        return visible(personRef, user).consents();
    }

    ConsentRecord recordConsent(String personRef, ConsentRequest request, CurrentUser user) {
        visible(personRef, user);
        try {
            return consents.record(personRef, request, new Recorder(user.id(), user.institution()), now());
        } catch (UnknownPersonException erasedMeanwhile) {
            throw Problems.notFound("person", personRef);
        }
    }

    ConsentRecord withdrawConsent(String personRef, String consentId, CurrentUser user) {
        Person person = visible(personRef, user);
        if (person.consent(consentId).isEmpty()) {
            throw Problems.notFound("consent", consentId);
        }
        Instant now = now();
        return store.update(personRef, current -> {
                    ConsentRecord consent = current.consent(consentId).orElseThrow();
                    if (consent.isWithdrawn()) {
                        throw Problems.illegalTransition("withdraw the consent", "WITHDRAWN")
                                .with("withdrawnAt", consent.withdrawnAt().toString());
                    }
                    PersonEvent.ConsentWithdrawn withdrawn = current.withdrawConsent(consentId, user.id(), now);
                    return PersonStore.Change.of(withdrawn.consent(), withdrawn);
                })
                .orElseThrow(() -> Problems.notFound("person", personRef));
    }

    /**
     * Erases the person's identity and blind index, tells every institution that knows them, and forgets
     * them in the workshop projection. Admins only (checked by the controller); a second erasure is 404.
     */
    Instant erase(String personRef, String reason, CurrentUser user) {
        String why = requireReason(reason, "erasure-reason-required", "reason");
        Instant now = now();
        Instant erasedAt = store.update(personRef, person -> {
                    if (person.isErased()) {
                        throw Problems.notFound("person", personRef);
                    }
                    PersonEvent.PersonErased erased = person.erase(now);
                    return PersonStore.Change.of(erased.erasedAt(), erased);
                })
                .orElseThrow(() -> Problems.notFound("person", personRef));
        workshopGroups.forget(personRef);
        accessLog.record(user, personRef, AccessLogEntry.ERASE, why, true, now);
        audit.record(user, personRef, "erase-identity", why);
        log.info("Person {} erased by {}", personRef, user.id());
        return erasedAt;
    }

    Page<AccessLogEntry> accessLog(String personRef, int page, int size) {
        return accessLog.of(personRef, page, size);
    }

    /** The person if this user may see them; otherwise they do not exist for this user. */
    private Person visible(String personRef, CurrentUser user) {
        return store.find(personRef)
                .filter(person -> PersonAccessPolicy.canSee(person, user))
                .orElseThrow(() -> Problems.notFound("person", personRef));
    }

    private static String requireReason(String reason, String slug, String name) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_REASON_LENGTH) {
            throw Problems.badRequest(
                    slug,
                    "Say why, in " + name + " (1 to " + MAX_REASON_LENGTH
                            + " characters): it goes in the audit trail.");
        }
        return stripped;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
