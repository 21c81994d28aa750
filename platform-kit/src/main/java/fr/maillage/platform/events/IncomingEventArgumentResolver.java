package fr.maillage.platform.events;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Gives {@code @KafkaListener} methods an {@link IncomingEvent} parsed from the record value (a
 * structured CloudEvent, read as a string or bytes). Anything else is an {@link
 * InvalidEventException}, which the error handler sends to the dead-letter topic without retry.
 */
final class IncomingEventArgumentResolver implements HandlerMethodArgumentResolver {

    private final CloudEventCodec codec;

    IncomingEventArgumentResolver(CloudEventCodec codec) {
        this.codec = codec;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return IncomingEvent.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        return switch (message.getPayload()) {
            case IncomingEvent event -> event;
            case String text -> codec.read(text);
            case byte[] bytes -> codec.read(bytes);
            default ->
                throw new InvalidEventException("Record value of type "
                        + message.getPayload().getClass().getName() + " is not a structured CloudEvent");
        };
    }
}
