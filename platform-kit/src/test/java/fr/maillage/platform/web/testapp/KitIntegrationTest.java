package fr.maillage.platform.web.testapp;

import fr.maillage.localstack.junit.LocalInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** The kit test service on a random port, against the shared local infrastructure (one Spring context for all). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@LocalInfrastructure
@SpringBootTest(
        classes = KitTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=kit-test", "spring.mongodb.database=kit_test"})
public @interface KitIntegrationTest {}
