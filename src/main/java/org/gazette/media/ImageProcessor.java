package org.gazette.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.gazette.article.LeadImage;

/**
 * Checks an upload and makes the copies the site serves. JPEG and PNG are read by the JDK's ImageIO,
 * WebP by the TwelveMonkeys ImageIO plugin. Every copy is drawn afresh and encoded anew (JPEG, or PNG
 * when the image has transparency), so no metadata of the original (camera, place, comments) survives.
 */
public final class ImageProcessor {

    /** The largest copy kept; bigger originals are scaled down to it. */
    public static final int MAX_WIDTH = 2400;
    /** Refuses images whose pixels would not fit comfortably in memory. */
    private static final long MAX_PIXELS = 40_000_000L;

    public record Rendition(int width, int height, String contentType, byte[] data) {
    }

    public record Processed(int width, int height, List<Rendition> renditions) {
    }

    /** Thrown when the upload is not an image we take; the message is the key of the words to show. */
    public static final class RejectedImage extends Exception {
        public RejectedImage(String messageKey) {
            super(messageKey);
        }
    }

    public Processed process(byte[] bytes) throws RejectedImage {
        ImageKind kind = ImageKind.sniff(bytes);
        if (kind == null) {
            throw new RejectedImage("media.error.notImage");
        }
        BufferedImage image = decode(bytes);
        if (kind == ImageKind.JPEG) {
            image = Orientation.upright(image, Orientation.of(bytes));
        }
        boolean alpha = image.getColorModel().hasAlpha();
        List<Rendition> renditions = new ArrayList<>();
        int full = Math.min(image.getWidth(), MAX_WIDTH);
        for (int width : LeadImage.WIDTHS) {
            if (width < full) {
                renditions.add(encode(scale(image, width, alpha), alpha));
            }
        }
        renditions.add(encode(scale(image, full, alpha), alpha));
        return new Processed(image.getWidth(), image.getHeight(), renditions);
    }

    private static BufferedImage decode(byte[] bytes) throws RejectedImage {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new RejectedImage("media.error.damaged");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS || pixels <= 0) {
                    throw new RejectedImage("media.error.tooManyPixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new RejectedImage("media.error.damaged");
        }
    }

    /** Scales to the width, halving step by step first so large reductions stay sharp. */
    static BufferedImage scale(BufferedImage source, int width, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        do {
            w = Math.max(width, w / 2);
            h = Math.max(1, (int) Math.round((double) source.getHeight() * w / source.getWidth()));
            BufferedImage next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!alpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
            }
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        } while (w > width);
        return current;
    }

    private static Rendition encode(BufferedImage image, boolean alpha) throws RejectedImage {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (alpha) {
                ImageIO.write(image, "png", out);
                return new Rendition(image.getWidth(), image.getHeight(), "image/png", out.toByteArray());
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return new Rendition(image.getWidth(), image.getHeight(), "image/jpeg", out.toByteArray());
        } catch (IOException e) {
            throw new RejectedImage("media.error.damaged");
        }
    }
}
