package fr.maillage.platform.web.testapp;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.PageResponse;
import fr.maillage.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class ThingController {

    record CreateThing(@NotBlank String name, @NotNull Colour colour) {}

    record RenameThing(@NotBlank String name) {}

    record ThingView(String id, String name, Colour colour, boolean closed) {
        static ThingView of(Thing thing) {
            return new ThingView(thing.id(), thing.name(), thing.colour(), thing.closed());
        }
    }

    private final ThingRepository things;

    ThingController(ThingRepository things) {
        this.things = things;
    }

    @PostMapping("/things")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<ThingView> create(@Valid @RequestBody CreateThing command) {
        Thing thing = things.save(new Thing(command.name(), command.colour()));
        return ResponseEntity.created(URI.create("/api/things/" + thing.id()))
                .eTag(ETags.of(thing.version()))
                .body(ThingView.of(thing));
    }

    @GetMapping("/things")
    PageResponse<ThingView> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") @Max(100) int size) {
        return PageResponse.of(things.findAll(PageRequest.of(page, size)), ThingView::of);
    }

    @GetMapping("/things/{id}")
    ResponseEntity<ThingView> get(@PathVariable String id) {
        Thing thing = find(id);
        return ResponseEntity.ok().eTag(ETags.of(thing.version())).body(ThingView.of(thing));
    }

    @PutMapping("/things/{id}")
    ResponseEntity<ThingView> rename(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RenameThing command) {
        Thing thing = find(id);
        ETags.requireMatch(ifMatch, thing.version());
        thing.rename(command.name());
        Thing saved = things.save(thing);
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(ThingView.of(saved));
    }

    @PostMapping("/things/{id}/closure")
    ThingView close(@PathVariable String id) {
        Thing thing = find(id);
        if (thing.closed()) {
            throw Problems.illegalTransition("close", "CLOSED");
        }
        thing.close();
        return ThingView.of(things.save(thing));
    }

    /** Two writers of one version: the second save loses. */
    @PostMapping("/things/{id}/race")
    ThingView race(@PathVariable String id) {
        Thing first = find(id);
        Thing second = find(id);
        first.rename(first.name() + " (first)");
        things.save(first);
        second.rename(second.name() + " (second)");
        return ThingView.of(things.save(second));
    }

    @GetMapping("/things/by-colour/{colour}")
    long countByColour(@PathVariable Colour colour) {
        return things.findAll().stream().filter(t -> t.colour() == colour).count();
    }

    @GetMapping("/me")
    CurrentUser me(CurrentUser user) {
        return user;
    }

    @GetMapping("/me/static")
    CurrentUser meStatic() {
        return CurrentUser.current();
    }

    @GetMapping("/boom")
    String boom() {
        throw new IllegalStateException("secret internal detail of the failure");
    }

    private Thing find(String id) {
        return things.findById(id).orElseThrow(() -> Problems.notFound("Thing", id));
    }
}
