package fr.maillage.platform.observability;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line to the logger {@code maillage.audit} for every access to a person's personal
 * data: who (subject id, institution, roles, client), which person (opaque {@code personRef}),
 * what and why. No name or other identity data goes in. Services that must keep an audit trail
 * in their own store do that in addition.
 */
public class PersonalDataAudit {

    public static final String LOGGER = "maillage.audit";

    private static final Logger audit = LoggerFactory.getLogger(LOGGER);

    /**
     * @param who the caller
     * @param personRef the opaque person reference, never a name
     * @param action what was done, e.g. {@code read-identity}
     * @param reason why, a short code or phrase chosen by the service, e.g. {@code referral-review}
     */
    public void record(CurrentUser who, String personRef, String action, String reason) {
        audit.atInfo()
                .addKeyValue("audit.actor.id", who.id())
                .addKeyValue("audit.actor.institution", who.institution())
                .addKeyValue(
                        "audit.actor.roles",
                        who.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(" ")))
                .addKeyValue("audit.actor.client", who.clientId())
                .addKeyValue("audit.person_ref", personRef)
                .addKeyValue("audit.action", clean(action))
                .addKeyValue("audit.reason", clean(reason))
                .log("personal-data {} person={} by={} reason={}", clean(action), personRef, who.id(), clean(reason));
    }

    // One entry is one line: a reason with a line break could forge another entry.
    private static String clean(String value) {
        return value == null ? null : value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
