package fr.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;

class ProblemsTests {

    @Test
    void factoriesGiveStatusSlugAndDetail() {
        assertThat(Problems.notFound("Referral", "r-1")).satisfies(e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(e.getBody().getType()).hasToString("urn:maillage:problem:not-found");
            assertThat(e.getBody().getDetail()).isEqualTo("Referral r-1 was not found.");
        });
        assertThat(Problems.illegalTransition("qualify", "CLOSED")).satisfies(e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.slug()).isEqualTo("illegal-transition");
            assertThat(e.getBody().getProperties()).containsEntry("currentState", "CLOSED");
            assertThat(e.getBody().getDetail()).contains("qualify").contains("CLOSED");
        });
        assertThat(Problems.conflict("already-enrolled", "d").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(Problems.unprocessable("too-late", "d").getStatusCode().value())
                .isEqualTo(422);
        assertThat(Problems.forbidden("d").slug()).isEqualTo("forbidden");
        assertThat(Problems.preconditionFailed("d").getStatusCode().value()).isEqualTo(412);
        assertThat(Problems.preconditionRequired("d").getStatusCode().value()).isEqualTo(428);
    }

    @Test
    void problemsFlattenExtensionMembersForFilters() {
        var problem = Problems.problem(HttpStatus.CONFLICT, "x", "X", "detail");
        problem.setProperty("currentState", "OPEN");

        assertThat(ProblemResponses.asMap(problem))
                .containsEntry("type", "urn:maillage:problem:x")
                .containsEntry("status", 409)
                .containsEntry("currentState", "OPEN")
                .doesNotContainKey("properties");
    }

    @Test
    void aPageResponseCarriesItemsPageSizeAndTotal() {
        var page = new PageImpl<>(List.of(1, 2), PageRequest.of(1, 2), 5);

        assertThat(PageResponse.of(page, i -> "#" + i)).isEqualTo(new PageResponse<>(List.of("#1", "#2"), 1, 2, 5));
        assertThat(PageResponse.of(page).items()).containsExactly(1, 2);
    }
}
