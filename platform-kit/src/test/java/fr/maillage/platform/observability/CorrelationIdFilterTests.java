package fr.maillage.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationIdFilterTests {

    @Test
    void aWellFormedIdIsKeptEchoedAndInTheMdcDuringTheRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.addHeader(CorrelationIdFilter.HEADER, "abc-123");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seen = new AtomicReference<>();

        new CorrelationIdFilter()
                .doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(
                            jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                        seen.set(MDC.get(CorrelationIdFilter.MDC_KEY));
                    }
                }));

        assertThat(seen.get()).isEqualTo("abc-123");
        assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo("abc-123");
        assertThat(MDC.get(CorrelationIdFilter.MDC_KEY)).isNull();
    }

    @Test
    void aMissingOrForgedIdIsReplacedByAUuid() {
        assertThat(CorrelationIdFilter.accepted(null)).hasSize(36);
        assertThat(CorrelationIdFilter.accepted("evil\nlevel=ERROR"))
                .hasSize(36)
                .doesNotContain("evil");
        assertThat(CorrelationIdFilter.accepted("x".repeat(200))).hasSize(36);
    }
}
