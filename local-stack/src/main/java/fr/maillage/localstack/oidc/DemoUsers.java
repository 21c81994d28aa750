package fr.maillage.localstack.oidc;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The demo users and partner clients of DESIGN §6, with the FIXED subject ids the Keycloak realm
 * ({@code deploy/keycloak/maillage-realm.json}) gives them, so a test token and a real login name
 * the same person.
 */
public final class DemoUsers {

    public static final UUID COORD_BIEVRE_ID = UUID.fromString("6f1c1a3e-0001-4000-8000-000000000001");
    public static final UUID COORD_LYON_ID = UUID.fromString("6f1c1a3e-0001-4000-8000-000000000002");
    public static final UUID DR_MARTIN_ID = UUID.fromString("6f1c1a3e-0001-4000-8000-000000000003");
    public static final UUID PSY_DURAND_ID = UUID.fromString("6f1c1a3e-0001-4000-8000-000000000004");
    public static final UUID IDE_BERNARD_ID = UUID.fromString("6f1c1a3e-0001-4000-8000-000000000005");
    public static final UUID COPIL_BIEVRE_ID = UUID.fromString("6f1c1a3e-0001-4000-8000-000000000006");
    public static final UUID ADMIN_ID = UUID.fromString("6f1c1a3e-0001-4000-8000-000000000007");

    /** Demo password of every user, and the secret pattern of the confidential clients. */
    public static final String PASSWORD = "maillage-demo";

    public static final String PARTNER_EPSM = "partner-epsm";
    public static final String PARTNER_DAC = "partner-dac";
    public static final String CONSOLE_CLIENT = "maillage-console";
    public static final String AUDIENCE = "maillage-api";

    /** One row of the DESIGN §6 table; {@code profession} is null where the table has none. */
    public record DemoAccount(
            String name,
            UUID subject,
            List<String> roles,
            String institution,
            List<String> territories,
            String profession,
            boolean serviceAccount) {

        /** The client secret of a partner client ({@code <client-id>-secret}). */
        public String clientSecret() {
            if (!serviceAccount) {
                throw new IllegalStateException(name + " is a user, not a client");
            }
            return name + "-secret";
        }
    }

    // Keycloak gives every service-account user an id of its own; the realm may pin them too.
    private static final UUID PARTNER_EPSM_ID = UUID.fromString("6f1c1a3e-0002-4000-8000-000000000001");
    private static final UUID PARTNER_DAC_ID = UUID.fromString("6f1c1a3e-0002-4000-8000-000000000002");

    private static final Map<String, DemoAccount> ACCOUNTS = Map.of(
            "coord-bievre",
            user("coord-bievre", COORD_BIEVRE_ID, List.of("coordinator"), "cpts-bievre", "coordinator", "bievre"),
            "coord-lyon",
            user("coord-lyon", COORD_LYON_ID, List.of("coordinator"), "ptsm-lyon", "coordinator", "lyon-nord"),
            "dr-martin",
            user("dr-martin", DR_MARTIN_ID, List.of("clinician"), "msp-bievre", "general-practitioner", "bievre"),
            "psy-durand",
            user(
                    "psy-durand",
                    PSY_DURAND_ID,
                    List.of("facilitator", "clinician"),
                    "lieu-dit",
                    "clinical-psychologist",
                    "bievre"),
            "ide-bernard",
            user("ide-bernard", IDE_BERNARD_ID, List.of("facilitator", "clinician"), "msp-bievre", "nurse", "bievre"),
            "copil-bievre",
            user("copil-bievre", COPIL_BIEVRE_ID, List.of("steering"), "cpts-bievre", "public-health", "bievre"),
            "admin",
            user("admin", ADMIN_ID, List.of("admin"), "platform", null, "bievre", "lyon-nord"),
            PARTNER_EPSM,
            new DemoAccount(
                    PARTNER_EPSM, PARTNER_EPSM_ID, List.of("partner"), "epsm-bievre", List.of("bievre"), null, true),
            PARTNER_DAC,
            new DemoAccount(
                    PARTNER_DAC, PARTNER_DAC_ID, List.of("partner"), "dac-lyon", List.of("lyon-nord"), null, true));

    private DemoUsers() {}

    /** The account called {@code name} (a username, or a partner client id). */
    public static DemoAccount account(String name) {
        DemoAccount account = ACCOUNTS.get(name);
        if (account == null) {
            throw new NoSuchElementException("No demo user or client '" + name + "'; known: " + names());
        }
        return account;
    }

    public static List<String> names() {
        return ACCOUNTS.keySet().stream().sorted().toList();
    }

    private static DemoAccount user(
            String name, UUID id, List<String> roles, String institution, String profession, String... territories) {
        return new DemoAccount(name, id, roles, institution, List.of(territories), profession, false);
    }
}
