package fr.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestSizeLimitFilterTests {

    private static final HttpServlet READS_THE_BODY = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            byte[] body = req.getInputStream().readAllBytes();
            res.setStatus(200);
            res.getWriter().write("read " + body.length);
        }
    };

    @Test
    void aDeclaredLengthAboveTheLimitIsAnsweredAtOnce() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestSizeLimitFilter(10).doFilter(request, response, new MockFilterChain(READS_THE_BODY));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("urn:maillage:problem:payload-too-large");
    }

    @Test
    void aBodyWithoutLengthIsStoppedWhenItGrowsPastTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked
            }
        };
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestSizeLimitFilter(10).doFilter(request, response, new MockFilterChain(READS_THE_BODY));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("payload-too-large").doesNotContain("read");
    }

    @Test
    void aBodyWithinTheLimitPasses() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.setContent(new byte[10]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestSizeLimitFilter(10).doFilter(request, response, new MockFilterChain(READS_THE_BODY));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("read 10");
    }
}
