import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Writes a test photo for the back-office benchmark: java bench/MakeJpeg.java OUT WIDTH HEIGHT */
public class MakeJpeg {
    public static void main(String[] args) throws Exception {
        int w = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        for (int y = 0; y < h; y += 8) {
            g.setColor(new Color((y * 7) % 256, (y * 3) % 256, 160));
            g.fillRect(0, y, w, 8);
        }
        g.dispose();
        ImageIO.write(image, "jpeg", new File(args[0]));
    }
}
