package org.gazette.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gazette.account.Account;
import org.gazette.admin.AdminGuard;
import org.gazette.admin.AdminPages;
import org.gazette.site.Pager;

/** The media library: upload (from the library page or the editor), browse, and serve the copies. */
public final class MediaPages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_SIZE = 48;

    private final MediaStore store;
    private final ImageProcessor processor = new ImageProcessor();
    private final AdminPages pages;
    private final long maxBytes;
    private final Clock clock;

    public MediaPages(MediaStore store, AdminPages pages, long maxBytes, Clock clock) {
        this.store = store;
        this.pages = pages;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public void library(Context ctx) {
        AdminGuard.account(ctx);
        showLibrary(ctx, null, ctx.queryParam("uploaded") == null ? null : pages.t("media.uploaded"));
    }

    private void showLibrary(Context ctx, String error, String notice) {
        int page = Pager.pageNumber(ctx.queryParam("page"));
        var items = store.page(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        boolean more = items.size() > PAGE_SIZE;
        pages.show(ctx, "admin/media.jte", pages.frame(ctx, "media.title", "media"),
                "items", more ? items.subList(0, PAGE_SIZE) : items, "pager", new Pager(page, more, "/admin/media", ""),
                "error", error, "notice", notice, "maxMb", maxBytes / (1024 * 1024));
    }

    public void upload(Context ctx) throws IOException {
        Account me = AdminGuard.account(ctx);
        boolean json = ctx.header("Accept") != null && ctx.header("Accept").contains("application/json");
        UploadedFile file = ctx.uploadedFile("file");
        String problem = null;
        long id = 0;
        if (file == null || file.size() == 0) {
            problem = "media.error.missing";
        } else if (file.size() > maxBytes) {
            problem = "media.error.tooLarge";
        } else {
            byte[] bytes;
            try (InputStream in = file.content()) {
                bytes = in.readNBytes((int) maxBytes + 1);
            }
            try {
                var processed = processor.process(bytes);
                String alt = ctx.formParam("alt");
                id = store.save(filename(file.filename()), processed, alt == null || alt.isBlank() ? null : alt.strip(), me.id(),
                        clock.instant());
            } catch (ImageProcessor.RejectedImage e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            ctx.status(problem.equals("media.error.tooLarge") ? 413 : problem.equals("media.error.missing") ? 400 : 415);
            String message = pages.site().messages().t(problem, maxBytes / (1024 * 1024));
            if (json) {
                ctx.contentType("application/json").result(JSON.writeValueAsString(Map.of("error", message)));
            } else {
                showLibrary(ctx, message, null);
            }
            return;
        }
        if (!json) {
            ctx.redirect("/admin/media?uploaded=" + id);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("url", store.byId(id).orElseThrow().url());
        answer.put("message", pages.t("media.uploaded"));
        ctx.contentType("application/json").result(JSON.writeValueAsString(answer));
    }

    /** Public: an image copy, cached by browsers and proxies for a year (an id's copies never change). */
    public void serve(Context ctx) {
        long id;
        int width;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
            width = Integer.parseInt(ctx.pathParam("width"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        var copy = store.rendition(id, width).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable").contentType(copy.contentType()).result(copy.data());
    }

    private static String filename(String name) {
        String clean = name == null ? "image" : name.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        return clean.isEmpty() ? "image" : clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
