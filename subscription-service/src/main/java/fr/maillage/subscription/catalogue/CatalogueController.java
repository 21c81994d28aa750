package fr.maillage.subscription.catalogue;

import fr.maillage.platform.asyncapi.EventCatalogue;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/events/catalogue}: the AsyncAPI 3 document of every public event type. Public (no
 * token): an integrator reads it before being given credentials; it holds schemas and made-up examples,
 * never data.
 */
@RestController
class CatalogueController {

    static final String PATH = "/api/events/catalogue";

    private final EventCatalogue catalogue;

    CatalogueController(EventCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> catalogue() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(catalogue.document());
    }
}
