package fr.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;

class ProblemErrorControllerTests {

    private static ResponseEntity<Object> errorDispatch(int status, Throwable exception) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/things");
        if (exception != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, exception);
        }
        return new ProblemErrorController().error(request);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(ResponseEntity<Object> answer) {
        return (Map<String, Object>) answer.getBody();
    }

    @Test
    void anUnreachableIdentityProviderIsServiceUnavailable() {
        ResponseEntity<Object> answer = errorDispatch(
                500, new JwtDecoderInitializationException("Failed to lazily resolve", new IllegalStateException()));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(body(answer))
                .containsEntry("type", "urn:maillage:problem:service-unavailable")
                .containsEntry("instance", "/api/things");
    }

    @Test
    void aFilterFailureIsAGenericInternalErrorWithoutItsMessage() {
        ResponseEntity<Object> answer = errorDispatch(500, new IllegalStateException("secret"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(body(answer))
                .containsEntry("type", "urn:maillage:problem:internal-error")
                .containsEntry("detail", ProblemDetailsAdvice.INTERNAL_ERROR_DETAIL);
        assertThat(body(answer).toString()).doesNotContain("secret").doesNotContain("IllegalState");
    }

    @Test
    void aBodyTooLargeSeenOutsideMvcIsStill413() {
        ResponseEntity<Object> answer = errorDispatch(500, new ServletException(new RequestTooLargeException(10)));

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(body(answer)).containsEntry("type", "urn:maillage:problem:payload-too-large");
    }

    @Test
    void aContainerClientErrorKeepsItsStatus() {
        ResponseEntity<Object> answer = errorDispatch(400, null);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(body(answer)).containsEntry("type", "urn:maillage:problem:bad-request");
    }
}
