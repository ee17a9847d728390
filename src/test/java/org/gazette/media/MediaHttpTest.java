package org.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gazette.account.Role;
import org.gazette.support.AdminClient;
import org.gazette.support.Multipart;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploading images over real HTTP: formats told by content, resized copies without metadata, limits. */
public class MediaHttpTest {

    @TempDir
    static Path data;

    static TestSite site;
    static AdminClient writer;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data, Map.of("admin.upload-max-bytes", "2000000"));
        writer = AdminClient.as(site, "photog", Role.CONTRIBUTOR);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    public static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** A JPEG carrying an Exif segment with a location a reader must never receive. */
    static byte[] jpegWithExif(int width, int height) throws Exception {
        byte[] plain = jpeg(width, height);
        byte[] payload = "Exif\0\0GPS-SECRET-52.5200N-13.4050E".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.write(payload);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A JPEG whose Exif data says it must be turned 90 degrees clockwise to stand upright (orientation 6). */
    static byte[] jpegTurnedOnItsSide(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 8, height / 8);
        g.dispose();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", encoded);
        byte[] plain = encoded.toByteArray();
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, (byte) (2 + 6 + tiff.length)});
        out.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.write(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    HttpResponse<String> upload(AdminClient client, String filename, String type, byte[] bytes, boolean json) throws Exception {
        var form = new Multipart().field("_csrf", client.csrf()).file("file", filename, type, bytes);
        return client.send(form.post(site.baseUrl() + "/admin/media", json ? Map.of("Accept", "application/json") : Map.of()));
    }

    static long idOf(HttpResponse<String> json) {
        return Long.parseLong(json.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    static BufferedImage fetch(String path) throws Exception {
        HttpResponse<byte[]> response = site.getBytes(path, Map.of());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    @Test
    void jpegIsResizedForSrcsetAndItsMetadataStripped() throws Exception {
        byte[] original = jpegWithExif(2000, 1125);
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("GPS-SECRET");
        HttpResponse<String> uploaded = upload(writer, "harbour.jpg", "image/jpeg", original, true);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        long id = idOf(uploaded);
        assertThat(uploaded.body()).contains("\"url\":\"/media/" + id + "/2000\"");

        for (int width : new int[] {320, 640, 1024, 1600, 2000}) {
            HttpResponse<byte[]> copy = site.getBytes("/media/" + id + "/" + width, Map.of());
            assertThat(copy.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(copy.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("immutable"));
            String bytes = new String(copy.body(), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain("GPS-SECRET").doesNotContain("Exif");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(copy.body()));
            assertThat(image.getWidth()).isEqualTo(width);
            assertThat(image.getHeight()).isEqualTo(Math.round(1125f * width / 2000));
        }
        // A width that was not made gets the next larger copy.
        assertThat(fetch("/media/" + id + "/500").getWidth()).isEqualTo(640);
        assertThat(fetch("/media/" + id + "/9999").getWidth()).isEqualTo(2000);
        assertThat(site.get("/media/999999/320").statusCode()).isEqualTo(404);
        assertThat(writer.get("/admin/media").body()).contains("harbour.jpg").contains("/media/" + id + "/320");
    }

    @Test
    void aPhotoTakenOnItsSideIsStoodUprightBeforeItsMetadataGoes() throws Exception {
        HttpResponse<String> uploaded = upload(writer, "portrait.jpg", "image/jpeg", jpegTurnedOnItsSide(800, 400), true);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        BufferedImage copy = fetch("/media/" + idOf(uploaded) + "/400");
        assertThat(copy.getWidth()).isEqualTo(400);
        assertThat(copy.getHeight()).isEqualTo(800);
        // Turned clockwise, the red mark in the stored top-left corner is now top right.
        Color topRight = new Color(copy.getRGB(390, 10));
        Color topLeft = new Color(copy.getRGB(10, 10));
        assertThat(topRight.getRed()).isGreaterThan(200);
        assertThat(topRight.getGreen()).isLessThan(60);
        assertThat(topLeft.getGreen()).isGreaterThan(200);
    }

    @Test
    void pngKeepsTransparencyAndWebpIsReadByContent() throws Exception {
        BufferedImage png = new BufferedImage(800, 400, BufferedImage.TYPE_INT_ARGB);
        var g = png.createGraphics();
        g.setColor(new Color(200, 30, 30, 128));
        g.fillRect(100, 100, 200, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(png, "png", out);
        long pngId = idOf(upload(writer, "chart.png", "image/png", out.toByteArray(), true));
        HttpResponse<byte[]> copy = site.getBytes("/media/" + pngId + "/320", Map.of());
        assertThat(copy.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(copy.body()));
        assertThat(small.getColorModel().hasAlpha()).isTrue();
        assertThat(small.getRGB(0, 0) >>> 24).isZero();

        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("/media/sample.webp")) {
            webp = in.readAllBytes();
        }
        // Named .png on purpose: the content decides, not the name.
        HttpResponse<String> uploaded = upload(writer, "misnamed.png", "image/png", webp, true);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        BufferedImage decoded = fetch("/media/" + idOf(uploaded) + "/96");
        assertThat(decoded.getWidth()).isEqualTo(96);
        assertThat(decoded.getHeight()).isEqualTo(64);
    }

    @Test
    void refusesWhatIsNotAnImageWhatIsDamagedAndWhatIsTooLarge() throws Exception {
        HttpResponse<String> text = upload(writer, "photo.jpg", "image/jpeg", "<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8), true);
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("not a JPEG, PNG or WebP image");

        byte[] broken = jpeg(400, 300);
        byte[] truncated = java.util.Arrays.copyOf(broken, 40);
        HttpResponse<String> damaged = upload(writer, "broken.jpg", "image/jpeg", truncated, true);
        assertThat(damaged.statusCode()).isEqualTo(415);
        assertThat(damaged.body()).contains("damaged");

        HttpResponse<String> big = upload(writer, "huge.jpg", "image/jpeg", new byte[2_100_000], false);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("larger than 1 MB");
    }

    @Test
    void uploadNeedsASessionAndTheFormToken() throws Exception {
        var anonymous = new AdminClient(site);
        var form = new Multipart().field("_csrf", "x").file("file", "a.jpg", "image/jpeg", jpeg(10, 10));
        assertThat(anonymous.send(form.post(site.baseUrl() + "/admin/media", Map.of())).statusCode()).isEqualTo(401);
        var forged = new Multipart().field("_csrf", "forged").file("file", "a.jpg", "image/jpeg", jpeg(10, 10));
        assertThat(writer.send(forged.post(site.baseUrl() + "/admin/media", Map.of())).statusCode()).isEqualTo(403);
        HttpResponse<String> viaForm = upload(writer, "form.jpg", "image/jpeg", jpeg(700, 300), false);
        assertThat(viaForm.statusCode()).isEqualTo(302);
        assertThat(viaForm.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/admin/media?uploaded="));
    }
}
