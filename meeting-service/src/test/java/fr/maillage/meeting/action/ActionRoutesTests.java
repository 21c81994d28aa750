package fr.maillage.meeting.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * {@code /api/meetings/actions} sits beside meeting/'s {@code /api/meetings/{id}}: Spring MVC must route the
 * literal path to the actions, whatever the other controller. Checked against a stand-in with meeting/'s
 * variable paths (not a component, so no application context ever picks it up).
 */
class ActionRoutesTests {

    /** The shape of meeting/'s routes (issue 6 contract). */
    @RequestMapping("/api/meetings")
    static class MeetingRoutes {
        @GetMapping("/{id}")
        void meeting(@PathVariable String id) {}

        @PostMapping("/{id}/cancellation")
        void cancel(@PathVariable String id) {}

        @GetMapping("/{id}/items/{itemId}/notes")
        void notes(@PathVariable String id, @PathVariable String itemId) {}
    }

    private final RequestMappingHandlerMapping routes = routes();

    private static RequestMappingHandlerMapping routes() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.getBeanFactory().registerSingleton("meetingRoutes", new MeetingRoutes());
        context.getBeanFactory().registerSingleton("actionController", new ActionController(null));
        context.refresh();
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return beanType == MeetingRoutes.class || beanType == ActionController.class;
            }
        };
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    private Class<?> handlerOf(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = routes.getHandler(request);
        assertThat(chain).as("%s %s", method, path).isNotNull();
        return ((HandlerMethod) chain.getHandler()).getBeanType();
    }

    @Test
    void theActionPathsReachTheActionsAndTheMeetingPathsTheMeetings() throws Exception {
        assertThat(handlerOf("GET", "/api/meetings/actions")).isEqualTo(ActionController.class);
        assertThat(handlerOf("GET", "/api/meetings/actions/a1")).isEqualTo(ActionController.class);
        assertThat(handlerOf("POST", "/api/meetings/actions/a1/cancellation")).isEqualTo(ActionController.class);
        assertThat(handlerOf("POST", "/api/meetings/actions/a1/completion")).isEqualTo(ActionController.class);
        assertThat(handlerOf("GET", "/api/meetings/m1")).isEqualTo(MeetingRoutes.class);
        assertThat(handlerOf("POST", "/api/meetings/m1/cancellation")).isEqualTo(MeetingRoutes.class);
    }
}
