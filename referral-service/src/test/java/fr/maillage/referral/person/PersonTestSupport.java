package fr.maillage.referral.person;

import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.referral.ReferralServiceTestSupport;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the person registry's integration tests add to the shared base: any method and header, and registrations. */
abstract class PersonTestSupport extends ReferralServiceTestSupport {

    /** Any method; a null body sends none (and no Content-Type); {@code headers} as name/value pairs. */
    protected HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        return http().send(method, path, token, body, headers);
    }

    /** {@code GET /api/persons/{ref}} with a reason. */
    protected HttpResponse<String> readIdentity(String personRef, String who, String reason) {
        return send("GET", "/api/persons/" + personRef, token(who), null, "X-Access-Reason", reason);
    }

    /** A person nobody else uses, with contact details. */
    protected static Map<String, Object> uniqueIdentity() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("familyName", "Testperson" + UUID.randomUUID().toString().substring(0, 8));
        identity.put("givenName", "Camille");
        identity.put("birthDate", "1984-03-17");
        identity.put("commune", "38260");
        identity.put("phone", "+33 6 12 34 56 78");
        identity.put("email", "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        identity.put("gp", "Dr Gérard Lenoir");
        return identity;
    }

    protected static String registration(Map<String, Object> identity, String territory) {
        Map<String, Object> body = new LinkedHashMap<>(identity);
        body.put("territory", territory);
        return json(body);
    }

    protected HttpResponse<String> register(String who, Map<String, Object> identity, String territory) {
        return post("/api/persons", token(who), registration(identity, territory));
    }

    /** Registers a new person as {@code who} in bievre; their personRef. */
    protected String registerNew(String who) {
        HttpResponse<String> response = register(who, uniqueIdentity(), "bievre");
        if (response.statusCode() != 201) {
            throw new AssertionError("person not registered: " + response.statusCode() + " " + response.body());
        }
        return json(response).path("personRef").asString();
    }

    /** Plays a workshop-service event with its real audience (the shared helper names two institutions). */
    protected void playWorkshop(String type, String subject, String audience, Map<String, Object> data) {
        player().play(
                        WORKSHOP_TOPIC,
                        WORKSHOP_SOURCE,
                        EventPlayer.event(
                                type, subject, "bievre", List.of(audience.trim().split("\\s+")), data));
    }
}
