package dev.microblog.generator.rendering.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FaviconTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final int ACCENT = 0x0b57d0;

  @Test
  void the_ico_header_lists_a_32_and_a_16_pixel_png_where_they_are() throws IOException {
    byte[] ico = Favicon.ico();
    ByteBuffer in = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);

    assertThat(in.getShort(0)).as("reserved").isZero();
    assertThat(in.getShort(2)).as("type: icon").isEqualTo((short) 1);
    assertThat(in.getShort(4)).as("count").isEqualTo((short) 2);
    int expectedOffset = 6 + 2 * 16;
    int[] sizes = {32, 16};
    for (int i = 0; i < 2; i++) {
      int entry = 6 + 16 * i;
      assertThat(Byte.toUnsignedInt(in.get(entry))).as("width").isEqualTo(sizes[i]);
      assertThat(Byte.toUnsignedInt(in.get(entry + 1))).as("height").isEqualTo(sizes[i]);
      assertThat(in.get(entry + 2)).as("palette").isZero();
      assertThat(in.get(entry + 3)).as("reserved").isZero();
      assertThat(in.getShort(entry + 4)).as("planes").isEqualTo((short) 1);
      assertThat(in.getShort(entry + 6)).as("bits per pixel").isEqualTo((short) 32);
      int length = in.getInt(entry + 8);
      int offset = in.getInt(entry + 12);
      assertThat(offset).as("image " + i + " follows the one before").isEqualTo(expectedOffset);
      byte[] png = Arrays.copyOfRange(ico, offset, offset + length);
      assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);

      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image).as("ImageIO reads image " + i).isNotNull();
      assertThat(image.getWidth()).isEqualTo(sizes[i]);
      assertThat(image.getHeight()).isEqualTo(sizes[i]);
      expectedOffset += length;
    }
    assertThat(expectedOffset).as("the images end the file").isEqualTo(ico.length);
  }

  @Test
  void the_monogram_is_white_on_the_accent_colour_in_a_rounded_square() throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Favicon.png(32)));

    assertThat(new Color(image.getRGB(0, 0), true).getAlpha()).as("a rounded corner").isZero();
    assertThat(image.getRGB(4, 28) & 0xFFFFFF).as("the background").isEqualTo(ACCENT);
    assertThat(image.getRGB(9, 20) & 0xFFFFFF).as("the stem of the m").isEqualTo(0xFFFFFF);
    assertThat(image.getRGB(23, 20) & 0xFFFFFF).as("the last leg of the m").isEqualTo(0xFFFFFF);
    assertThat(image.getRGB(12, 20) & 0xFFFFFF).as("between the legs").isEqualTo(ACCENT);
  }
}
