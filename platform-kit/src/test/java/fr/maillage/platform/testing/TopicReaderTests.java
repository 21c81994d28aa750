package fr.maillage.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What TopicReader decides without a broker: redeliveries and the predicates. */
class TopicReaderTests {

    private static JsonNode event(String id, String type, String subject, String state) {
        return JsonMapper.shared().readTree("""
                        {"id":"%s","type":"%s","subject":"%s","data":{"state":"%s"}}""".formatted(id, type, subject, state));
    }

    @Test
    void aRedeliveryCountsOnceInTheOrderFirstRead() {
        JsonNode raised = event("1", "alert.raised", "a-1", "RAISED");
        JsonNode qualified = event("2", "alert.qualified", "a-1", "QUALIFIED");

        assertThat(TopicReader.distinct(List.of(raised, qualified, event("1", "alert.raised", "a-1", "RAISED"))))
                .containsExactly(raised, qualified);
    }

    @Test
    void aRedeliveryThatIsNotTheSameEventFails() {
        List<JsonNode> events =
                List.of(event("1", "alert.raised", "a-1", "RAISED"), event("1", "alert.raised", "a-1", "CLOSED"));

        assertThatThrownBy(() -> TopicReader.distinct(events))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a duplicate delivery is the same event");
    }

    @Test
    void predicatesMatchTypeSubjectAndADataField() {
        JsonNode closed = event("3", "group.closed", "g-1", "CLOSED");

        assertThat(TopicReader.ofType("group.closed")).accepts(closed);
        assertThat(TopicReader.ofType("group.opened")).rejects(closed);
        assertThat(TopicReader.about("g-1")).accepts(closed);
        assertThat(TopicReader.about("g-2")).rejects(closed);
        assertThat(TopicReader.withData("group.closed", "state", "CLOSED")).accepts(closed);
        assertThat(TopicReader.withData("group.closed", "state", "OPEN")).rejects(closed);
        assertThat(TopicReader.withData("group.opened", "state", "CLOSED")).rejects(closed);
    }
}
