package dev.microblog.functions.posting;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Measures one language detector on the hand-labelled short posts (language/short-posts.tsv): run
 * once per candidate in a fresh JVM (bench/language-detection), so that its first detection is cold
 * and its heap is its own. Prints one line of figures.
 */
public final class LanguageDetectionBench {
  record Labelled(String lang, String text) {
    int words() {
      return text.strip().split("\\s+").length;
    }
  }

  public static void main(String[] args) throws Exception {
    String candidate = args[0];
    List<Labelled> posts = posts();
    long heapBefore = usedHeap();
    long start = System.nanoTime();
    UnaryOperator<String> detector = detector(candidate);
    detector.apply(posts.getFirst().text());
    double coldMs = (System.nanoTime() - start) / 1e6;

    Map<String, int[]> perLang = new TreeMap<>(); // lang -> {right, total}
    int right = 0, shortRight = 0, shortTotal = 0, und = 0, wrong = 0;
    for (Labelled post : posts) {
      String got = detector.apply(post.text());
      boolean ok = post.lang().equals(got);
      int[] tally = perLang.computeIfAbsent(post.lang(), l -> new int[2]);
      tally[1]++;
      if (ok) {
        right++;
        tally[0]++;
      }
      if ("und".equals(got)) {
        und++;
      } else if (!ok) {
        wrong++;
      }
      if (post.words() <= 5) {
        shortTotal++;
        shortRight += ok ? 1 : 0;
      }
      if (System.getenv("SHOW_MISSES") != null && !ok) {
        System.err.println(candidate + " " + post.lang() + "->" + got + "  " + post.text());
      }
    }
    // Warm timing: every post, several rounds, each detection timed on its own.
    for (int i = 0; i < 3; i++) {
      posts.forEach(p -> detector.apply(p.text()));
    }
    long[] micros = new long[posts.size() * 5];
    int k = 0;
    for (int round = 0; round < 5; round++) {
      for (Labelled post : posts) {
        long t = System.nanoTime();
        Objects.requireNonNull(detector.apply(post.text()));
        micros[k++] = (System.nanoTime() - t) / 1000;
      }
    }
    Arrays.sort(micros);
    long heapMb = (usedHeap() - heapBefore) / (1024 * 1024);
    Objects.requireNonNull(detector); // keep its models reachable through the heap reading

    StringBuilder langs = new StringBuilder();
    perLang.forEach(
        (lang, t) ->
            langs.append(" ").append(lang).append("=").append(t[0]).append("/").append(t[1]));
    System.out.printf(
        "library=%s accuracy=%.3f accuracy_short=%.3f p50_us=%d cold_ms=%.0f heap_mb=%d und=%d wrong=%d posts=%d short_posts=%d%s%n",
        candidate,
        (double) right / posts.size(),
        (double) shortRight / shortTotal,
        micros[micros.length / 2],
        coldMs,
        heapMb,
        und,
        wrong,
        posts.size(),
        shortTotal,
        langs);
    System.out.flush();
    System.exit(0); // Lingua's worker threads would keep the JVM up
  }

  private static UnaryOperator<String> detector(String candidate) throws Exception {
    return switch (candidate) {
      case "lingua-low" -> new PostLanguage(false, true)::detect;
      case "lingua-low-preloaded" -> new PostLanguage(true, true)::detect;
      case "lingua-high" -> new PostLanguage(false, false)::detect;
      case "lingua-high-preloaded" -> new PostLanguage(true, false)::detect;
      case "opennlp" -> openNlp();
      case "optimaize" -> optimaize();
      default -> throw new IllegalArgumentException(candidate);
    };
  }

  /** OpenNLP's 103-language model; it always names a language (ISO 639-3), so no "und". */
  private static UnaryOperator<String> openNlp() throws Exception {
    try (var in = LanguageDetectionBench.class.getResourceAsStream("/langdetect-183.bin")) {
      var detector =
          new opennlp.tools.langdetect.LanguageDetectorME(
              new opennlp.tools.langdetect.LanguageDetectorModel(in));
      Map<String, String> toTag =
          Map.of(
              "eng", "en", "spa", "es", "ara", "ar", "fra", "fr", "deu", "de", "por", "pt", "ita",
              "it");
      return text -> {
        String code = detector.predictLanguage(text).getLang();
        return toTag.getOrDefault(code, code);
      };
    }
  }

  /** Optimaize's built-in profiles (71 languages), with its own certainty cut-off for "und". */
  private static UnaryOperator<String> optimaize() throws Exception {
    var profiles = new com.optimaize.langdetect.profiles.LanguageProfileReader().readAllBuiltIn();
    var detector =
        com.optimaize.langdetect.LanguageDetectorBuilder.create(
                com.optimaize.langdetect.ngram.NgramExtractors.standard())
            .withProfiles(profiles)
            .build();
    var texts =
        com.optimaize.langdetect.text.CommonTextObjectFactories.forDetectingShortCleanText();
    return text -> {
      var found = detector.detect(texts.forText(text));
      return found.isPresent() ? found.get().getLanguage() : "und";
    };
  }

  static List<Labelled> posts() throws Exception {
    List<Labelled> posts = new ArrayList<>();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                LanguageDetectionBench.class.getResourceAsStream("/language/short-posts.tsv"),
                StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        posts.add(new Labelled(parts[0], parts[1]));
      }
    }
    return posts;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
