package dev.microblog.generator.rendering;

import dev.microblog.core.domain.SitePaths;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One rendered file, ready to publish: where it goes, its bytes and the headers it is served with.
 */
public record Page(String path, byte[] body, String contentType, CachePolicy cache) {
  public static final String HTML = "text/html; charset=utf-8";
  public static final String JSON = "application/json";

  public static Page html(String path, String html, CachePolicy cache) {
    return new Page(path, html.getBytes(StandardCharsets.UTF_8), HTML, cache);
  }

  /** The object key in the bucket (or file under the export folder). */
  public String key() {
    return SitePaths.objectKey(path);
  }

  public String cacheControl() {
    return cache.header();
  }

  public String sha256() {
    return sha256(body);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The URL path an object key is served at: the inverse of {@link SitePaths#objectKey}. */
  public static String pathOf(String key) {
    String path = "/" + key;
    return path.endsWith("/index.html")
        ? path.substring(0, path.length() - "index.html".length())
        : path;
  }

  /** The Content-Type of a file by its name, for assets. */
  public static String contentTypeOf(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    return switch (ext) {
      case "html" -> HTML;
      case "json" -> JSON;
      case "css" -> "text/css";
      case "js", "mjs" -> "text/javascript";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "ico" -> "image/x-icon";
      case "webp" -> "image/webp";
      case "woff2" -> "font/woff2";
      case "txt" -> "text/plain; charset=utf-8";
      default -> "application/octet-stream";
    };
  }

  @Override
  public String toString() {
    return "Page[" + path + ", " + body.length + " bytes, " + contentType + ", " + cache + "]";
  }
}
