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
        // no events/*.json here, hence no Springwolf document (springwolf-core is the kit's optional dependency)
        properties = {"spring.application.name=kit-test", "spring.mongodb.database=kit_test", "springwolf.enabled=false"
        })
public @interface KitIntegrationTest {}
