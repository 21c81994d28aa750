package fr.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ETagsTests {

    @Test
    void anETagIsTheQuotedVersion() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
        assertThat(ETags.version("\"7\"")).hasValue(7);
        assertThat(ETags.version("W/\"7\"")).hasValue(7);
        assertThat(ETags.version("7")).isEmpty();
        assertThat(ETags.version("\"seven\"")).isEmpty();
        assertThat(ETags.version(null)).isEmpty();
    }

    @Test
    void theCurrentVersionMatches() {
        assertThatNoException().isThrownBy(() -> ETags.requireMatch("\"3\"", 3));
        assertThatNoException().isThrownBy(() -> ETags.requireMatch(" \"2\", \"3\" ", 3));
        assertThatNoException().isThrownBy(() -> ETags.requireMatch("*", 3));
    }

    @Test
    void aMissingIfMatchIsPreconditionRequired() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 3)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
            assertThat(e.getBody().getType()).hasToString("urn:maillage:problem:precondition-required");
        });
        assertThatThrownBy(() -> ETags.requireMatch(" ", 3)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aStaleIfMatchIsPreconditionFailedNamingTheCurrentVersion() {
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
            assertThat(e.slug()).isEqualTo("stale-version");
            assertThat(e.getBody().getDetail()).contains("\"3\"");
            assertThat(e.getBody().getProperties()).containsEntry("currentETag", "\"3\"");
        });
        assertThatThrownBy(() -> ETags.requireMatch("garbage", 3))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
    }
}
