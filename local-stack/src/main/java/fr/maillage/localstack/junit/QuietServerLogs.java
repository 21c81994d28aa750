package fr.maillage.localstack.junit;

import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-process broker's and Mongo server's INFO chatter out of test output, both before
 * Spring Boot configures logging (logback defaults to DEBUG) and after (through {@code
 * logging.level.*} system properties, only where the user has not set one). Client loggers
 * ({@code org.apache.kafka.clients}, {@code org.apache.kafka.common}) are left alone.
 */
final class QuietServerLogs {

    static final List<String> SERVER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.server",
            "org.apache.kafka.controller",
            "org.apache.kafka.raft",
            "org.apache.kafka.metadata",
            "org.apache.kafka.image",
            "org.apache.kafka.storage",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.queue",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.security",
            "org.apache.kafka.network",
            "de.bwaldvogel",
            "io.netty",
            "org.h2");

    private QuietServerLogs() {}

    static void apply() {
        for (String name : SERVER_LOGGERS) {
            String property = "logging.level." + name;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "WARN");
            }
        }
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            for (String name : SERVER_LOGGERS) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
        }
    }
}
