package fr.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

class RequestBodyProblemsTests {

    enum Colour {
        RED,
        GREEN
    }

    record Line(Colour colour, int quantity) {}

    record Order(String name, List<Line> lines) {}

    private static ProblemDetail problemFor(String json) {
        Throwable error = catchThrowable(() -> JsonMapper.shared().readValue(json, Order.class));
        assertThat(error).isNotNull();
        return RequestBodyProblems.describe(error);
    }

    @Test
    void aWrongEnumValueNamesTheFieldAndTheAcceptedValues() {
        ProblemDetail problem = problemFor("{\"name\":\"n\",\"lines\":[{\"colour\":\"BLUE\",\"quantity\":1}]}");

        assertThat(problem.getType()).hasToString("urn:maillage:problem:invalid-body");
        assertThat(problem.getDetail())
                .contains("lines[0].colour")
                .contains("'BLUE'")
                .contains("RED, GREEN");
        assertThat(problem.getProperties())
                .containsEntry("field", "lines[0].colour")
                .containsEntry("acceptedValues", List.of("RED", "GREEN"));
    }

    @Test
    void aWrongTypeNamesTheFieldAndTheExpectedKind() {
        ProblemDetail problem = problemFor("{\"lines\":[{\"quantity\":\"many\"}]}");

        assertThat(problem.getDetail()).contains("lines[0].quantity").contains("number");
    }

    @Test
    void brokenJsonIsMalformedWithItsPosition() {
        ProblemDetail problem = problemFor("{\"name\": ");

        assertThat(problem.getType()).hasToString("urn:maillage:problem:malformed-json");
        assertThat(problem.getDetail()).startsWith("The request body is not valid JSON");
        assertThat(problem.getDetail()).doesNotContain("tools.jackson").doesNotContain("Exception");
    }

    @Test
    void anArrayInPlaceOfTheObjectSaysWhatIsExpected() {
        ProblemDetail problem = problemFor("[1, 2]");

        assertThat(problem.getDetail()).isEqualTo("The request body must be a JSON object.");
    }
}
