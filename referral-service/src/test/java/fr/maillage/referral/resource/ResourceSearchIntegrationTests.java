package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The directory search over HTTP: keywords without accents or case, combined filters, paging. The
 * resources live in a territory of their own, so other tests' resources never blur the answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceSearchIntegrationTests extends DirectoryTestSupport {

    private final String territory = freshTerritory();
    private final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void publishTheTerritorysDirectory() {
        add(
                "adults",
                resource(
                        "CMP adultes de l'Isère",
                        "CMP",
                        List.of("38260", "38870"),
                        18,
                        64,
                        null,
                        Map.of("available", 2, "maximum", 10)));
        add("children", resource("CMP enfants", "CMP", List.of("38260"), 0, 17, null, null));
        add("elsewhere", resource("CMP de Vienne", "CMP", List.of("38200"), 18, null, null, null));
        add("gem", resource("GEM La Bièvre", "GEM", List.of("38260"), null, null, null, Map.of("available", 0)));
        add("inactive", resource("CMP fermé", "CMP", List.of("38260"), 18, 64, "INACTIVE", null));
        add("closed", resource("CMP été", "CMP", List.of("38260"), 18, null, "TEMPORARILY_CLOSED", null));
        add("seniors", resource("CMP seniors", "CMP", List.of("38260"), 60, null, null, null));
        add("young", resource("CMP jeunes adultes", "CMP", List.of("38260"), null, 25, null, null));
        add("open", resource("CMP ouvert à tous", "CMP", List.of("38260"), null, null, null, null));
    }

    @Test
    void aCmpInCommune38260ForA34YearOldIsFoundAndOnlyWhatFits() {
        assertThat(ids(search("type=CMP&commune=38260&age=34"))).containsExactly(id("adults"), id("open"));
    }

    @Test
    void theSameQueryAcrossTheWholeDirectoryOnlyAnswersResourcesThatFitAndMissesNoneOfOurs() {
        List<JsonNode> everything = allPages("/api/resources?type=CMP&commune=38260&age=34&size=100");

        assertThat(everything).allSatisfy(item -> {
            assertThat(item.path("type").asString()).isEqualTo("CMP");
            assertThat(item.path("status").asString()).isEqualTo("ACTIVE");
            assertThat(item.path("communes").toString()).contains("\"38260\"");
            JsonNode min = item.path("minimumAge");
            JsonNode max = item.path("maximumAge");
            assertThat(min.isNull() || min.asInt() <= 34).as(item.toString()).isTrue();
            assertThat(max.isNull() || max.asInt() >= 34).as(item.toString()).isTrue();
        });
        assertThat(everything)
                .extracting(item -> item.path("id").asString())
                .contains(id("adults"), id("open"))
                .doesNotContain(
                        id("children"),
                        id("elsewhere"),
                        id("gem"),
                        id("inactive"),
                        id("closed"),
                        id("seniors"),
                        id("young"));
    }

    @ParameterizedTest(name = "q={0} finds the CMP of l'Isère")
    @ValueSource(strings = {"isere", "ISÈRE", "Isère", "l'Isère", "l’isere", "cmp isere", "cmp isè", "adultes isè"})
    void keywordsIgnoreAccentsCaseAndElisionsAndTheLastWordMayBeABeginning(String q) {
        assertThat(ids(search("q=" + encode(q)))).containsExactly(id("adults"));
    }

    @Test
    void everyWordOfTheQueryMustMatchAndOnlyTheLastMayBeABeginning() {
        assertThat(ids(search("q=" + encode("adu cmp")))).isEmpty();
        assertThat(ids(search("q=" + encode("isere vienne")))).isEmpty();
        assertThat(ids(search("q=vienne"))).containsExactly(id("elsewhere"));
        assertThat(ids(search("q=" + encode("cmp adu")))).containsExactly(id("adults"), id("young"));
        assertThat(ids(search("q=" + encode("Bièvre") + "&type=GEM"))).containsExactly(id("gem"));
        // The language and the institution are keywords too.
        assertThat(ids(search("q=anglais"))).hasSize(7);
        assertThat(ids(search("q=" + encode("epsm jeunes")))).containsExactly(id("young"));
    }

    @Test
    void filtersCombine() {
        assertThat(ids(search("type=GEM"))).containsExactly(id("gem"));
        assertThat(ids(search("commune=38200"))).containsExactly(id("elsewhere"));
        assertThat(ids(search("age=10"))).containsExactlyInAnyOrder(id("children"), id("gem"), id("open"), id("young"));
        assertThat(ids(search("age=70&type=CMP")))
                .containsExactlyInAnyOrder(id("elsewhere"), id("seniors"), id("open"));
        assertThat(ids(search("available=true"))).containsExactly(id("adults"));
        assertThat(ids(search("available=true&age=10"))).isEmpty();
        assertThat(ids(search("q=cmp&commune=38870"))).containsExactly(id("adults"));
    }

    @Test
    void onlyActiveResourcesUnlessAStatusIsAskedFor() {
        assertThat(ids(search(""))).doesNotContain(id("inactive"), id("closed")).hasSize(7);
        assertThat(ids(search("status=INACTIVE"))).containsExactly(id("inactive"));
        assertThat(ids(search("status=TEMPORARILY_CLOSED&age=34"))).containsExactly(id("closed"));
    }

    @Test
    void pagesSplitTheAnswerInNameOrderWithTheTotal() {
        JsonNode first = search("size=3");
        JsonNode second = search("size=3&page=1");
        JsonNode third = search("size=3&page=2");
        JsonNode beyond = search("size=3&page=3");

        assertThat(first.path("totalItems").asLong()).isEqualTo(7);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(3);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(ids(beyond)).isEmpty();
        List<String> names = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.path("items").forEach(item -> names.add(item.path("name").asString()));
        }
        assertThat(names)
                .containsExactly(
                        "CMP adultes de l'Isère",
                        "CMP de Vienne",
                        "CMP enfants",
                        "CMP jeunes adultes",
                        "CMP ouvert à tous",
                        "CMP seniors",
                        "GEM La Bièvre");
    }

    @Test
    void itemsCarryTheirDetailsAndFreshness() {
        JsonNode adults = search("q=isere").path("items").get(0);

        assertThat(adults.path("stale").asBoolean()).isFalse();
        assertThat(adults.path("capacity").path("available").asInt()).isEqualTo(2);
        assertThat(adults.path("contact").path("email").asString()).isEqualTo("cmp@epsm-bievre.example");
    }

    // ---- helpers

    private Map<String, Object> resource(
            String name,
            String type,
            List<String> communes,
            Integer minimumAge,
            Integer maximumAge,
            String status,
            Map<String, Object> capacity) {
        Map<String, Object> body = cmp(name, territory);
        body.put("type", type);
        body.put("communes", communes);
        body.put("minimumAge", minimumAge);
        body.put("maximumAge", maximumAge);
        if (status != null) {
            body.put("status", status);
        }
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        if (!name.contains("Isère")) {
            // Only the first resource speaks of l'Isère.
            body.put("eligibility", "Sur orientation");
        }
        return body;
    }

    private void add(String key, Map<String, Object> body) {
        ids.put(key, publish("admin", body).path("id").asString());
    }

    private String id(String key) {
        return ids.get(key);
    }

    private JsonNode search(String query) {
        String path = "/api/resources?territory=" + territory + (query.isEmpty() ? "" : "&" + query);
        var response = get(path, token("dr-martin"));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json(response);
    }

    private List<JsonNode> allPages(String path) {
        List<JsonNode> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode answer = json(get(path + "&page=" + page, token("dr-martin")));
            if (answer.path("items").isEmpty()) {
                assertThat(seen).hasSize((int) answer.path("totalItems").asLong());
                return items;
            }
            answer.path("items").forEach(item -> {
                assertThat(seen.add(item.path("id").asString()))
                        .as("no item twice")
                        .isTrue();
                items.add(item);
            });
        }
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path("id").asString())
                .toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
