package fr.maillage.subscription.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedCursorTests {

    private static String base64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorSurvivesEncodingAndDecoding() {
        FeedCursor cursor = FeedCursor.of(Map.of("referral.events.v1:2", 41L, "alert.events.v1:0", 0L));

        String text = cursor.encode();

        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(FeedCursor.decode(text)).isEqualTo(cursor);
        assertThat(FeedCursor.decode(text).offset("referral.events.v1:2")).isEqualTo(41L);
        assertThat(FeedCursor.decode(text).offset("referral.events.v1:1")).isEqualTo(-1L);
    }

    @Test
    void itIsBase64urlJsonOfTheLastOffsetPerPartition() {
        String text = FeedCursor.of(Map.of("alert.events.v1:1", 7L)).encode();

        assertThat(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8))
                .isEqualTo("{\"alert.events.v1:1\":7}");
    }

    @Test
    void noCursorIsTheStart() {
        assertThat(FeedCursor.decode(null)).isEqualTo(FeedCursor.start());
        assertThat(FeedCursor.decode("")).isEqualTo(FeedCursor.start());
        assertThat(FeedCursor.start().offsets()).isEmpty();
        assertThat(FeedCursor.decode(FeedCursor.start().encode())).isEqualTo(FeedCursor.start());
    }

    @Test
    void advancingNeverMovesAPartitionBack() {
        FeedCursor cursor = FeedCursor.of(Map.of("a.events.v1:0", 10L, "a.events.v1:1", 3L));

        FeedCursor moved = cursor.advanced(Map.of("a.events.v1:0", 8L, "a.events.v1:1", 5L, "b.events.v1:0", 0L));

        assertThat(moved.offsets())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(
                        Map.of("a.events.v1:0", 10L, "a.events.v1:1", 5L, "b.events.v1:0", 0L)));
        assertThat(cursor.offset("a.events.v1:1")).isEqualTo(3L);
    }

    @Test
    void garbageIsNotACursor() {
        for (String bad : new String[] {
            "!!!not-base64",
            base64url("not json"),
            base64url("[1,2]"),
            base64url("42"),
            base64url("{\"alert.events.v1:0\":-1}"),
            base64url("{\"alert.events.v1:0\":1.5}"),
            base64url("{\"alert.events.v1:0\":\"7\"}"),
            base64url("{\"alert.events.v1\":7}"),
            base64url("{\"alert events:0\":7}"),
            "A".repeat(FeedCursor.MAX_LENGTH + 1)
        }) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> FeedCursor.decode(bad));
        }
    }
}
