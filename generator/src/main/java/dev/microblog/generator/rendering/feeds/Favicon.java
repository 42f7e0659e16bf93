package dev.microblog.generator.rendering.feeds;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The site's favicon.ico, drawn at build time so that no binary is kept in the repository: the
 * monogram of site-templates' {@code assets/favicon.svg} (a white "m" on the accent colour), at
 * 32×32 and 16×16. The ICO container holds PNG images, which it allows since Windows Vista and
 * every browser reads. Drawn from shapes, not a font: a Lambda has no fonts.
 */
public final class Favicon {
  public static final String CONTENT_TYPE = "image/x-icon";
  public static final List<Integer> SIZES = List.of(32, 16);

  /** The SVG's coordinate system: the drawing is made on this grid and scaled. */
  private static final double GRID = 32;

  private static final Color ACCENT = new Color(0x0b57d0);
  private static final int ICONDIR_BYTES = 6;
  private static final int ENTRY_BYTES = 16;

  private Favicon() {}

  public static byte[] ico() {
    List<byte[]> pngs = new ArrayList<>();
    for (int size : SIZES) {
      pngs.add(png(size));
    }
    return container(SIZES, pngs);
  }

  /** The monogram as a PNG of {@code size}×{@code size} pixels. */
  static byte[] png(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(size / GRID, size / GRID);
      g.setColor(ACCENT);
      g.fill(new RoundRectangle2D.Double(0, 0, 32, 32, 12, 12));
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(monogram());
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** favicon.svg's path: a stem, then two arches, each down to the baseline. */
  private static Path2D monogram() {
    Path2D m = new Path2D.Double();
    m.append(new Line2D.Double(9, 23, 9, 12.5), false);
    for (double left : new double[] {9, 16}) {
      // From the left through the top to the right: Java's angles run counterclockwise.
      m.append(new Arc2D.Double(left, 12.5, 7, 7, 180, -180, Arc2D.OPEN), false);
      m.append(new Line2D.Double(left + 7, 16, left + 7, 23), true);
    }
    return m;
  }

  /**
   * An ICO file: the ICONDIR header, one 16-byte ICONDIRENTRY per image, then the images, all
   * little-endian.
   */
  static byte[] container(List<Integer> sizes, List<byte[]> pngs) {
    int total = ICONDIR_BYTES + ENTRY_BYTES * pngs.size();
    for (byte[] png : pngs) {
      total += png.length;
    }
    ByteBuffer ico = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    ico.putShort((short) 0).putShort((short) 1).putShort((short) pngs.size());
    int offset = ICONDIR_BYTES + ENTRY_BYTES * pngs.size();
    for (int i = 0; i < pngs.size(); i++) {
      int size = sizes.get(i);
      ico.put((byte) (size == 256 ? 0 : size)).put((byte) (size == 256 ? 0 : size));
      ico.put((byte) 0).put((byte) 0); // no palette; reserved
      ico.putShort((short) 1).putShort((short) 32); // colour planes; bits per pixel
      ico.putInt(pngs.get(i).length).putInt(offset);
      offset += pngs.get(i).length;
    }
    for (byte[] png : pngs) {
      ico.put(png);
    }
    return ico.array();
  }
}
