package fr.maillage.evaluation.report;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports}: steering members and coordinators of a territory, and admins, publish its
 * quarterly reports, list and read them, and download their JSON, CSV and PDF. Other roles are refused
 * (403); another territory's reports do not exist for them (404).
 */
@RestController
@RequestMapping("/api/reports")
@PreAuthorize("hasAnyRole('steering', 'coordinator', 'admin')")
class ReportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

    private final ReportService service;

    ReportController(ReportService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<ReportView> publish(@Valid @RequestBody NewReport body, CurrentUser user) {
        Report report = service.publish(body.territory(), body.quarter(), user);
        return ResponseEntity.created(URI.create("/api/reports/" + report.id())).body(ReportView.of(report));
    }

    @GetMapping
    PageResponse<ReportView> list(
            @RequestParam(required = false) String territory,
            @RequestParam(required = false) String quarter,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentUser user) {
        return PageResponse.of(service.list(territory, quarter, page, size, user), ReportView::of);
    }

    @GetMapping("/{id}")
    ReportView get(@PathVariable String id, CurrentUser user) {
        return ReportView.of(service.find(id, user));
    }

    @GetMapping("/{id}/report.json")
    ResponseEntity<byte[]> json(@PathVariable String id, CurrentUser user) {
        return download(service.findWith(id, "json", user), "json", MediaType.APPLICATION_JSON, Report::json);
    }

    @GetMapping("/{id}/report.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, CurrentUser user) {
        return download(service.findWith(id, "csv", user), "csv", CSV, Report::csv);
    }

    @GetMapping("/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, CurrentUser user) {
        return download(service.findWith(id, "pdf", user), "pdf", MediaType.APPLICATION_PDF, Report::pdf);
    }

    /** An attachment named {@code maillage-<territory>-<quarter>.<extension>}; kept by no shared cache. */
    private static ResponseEntity<byte[]> download(
            Report report, String extension, MediaType type, Function<Report, byte[]> rendering) {
        byte[] body = rendering.apply(report);
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(ReportContent.fileName(report.territory(), report.quarter(), extension))
                                .build()
                                .toString())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .contentLength(body.length)
                .body(body);
    }

    /**
     * Body of {@code POST /api/reports}.
     *
     * @param territory e.g. {@code bievre}
     * @param quarter e.g. {@code 2026-Q4}
     */
    record NewReport(
            @NotBlank @Size(max = 64) String territory,
            @NotBlank @Size(max = 16) String quarter) {}
}
