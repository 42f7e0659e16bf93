package dev.microblog.functions.posting;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * The language a post is written in, as a BCP 47 tag, or {@link #UNDETERMINED} when the text does
 * not say clearly enough. Lingua (built for short text; see bench/language-detection for why it was
 * chosen) with only {@link #KNOWN}'s languages: each one enabled costs load time and heap in every
 * function container.
 */
public final class PostLanguage {
  public static final String UNDETERMINED = "und";

  /**
   * The languages posts may be marked with, by tag, each named in itself (the post form's choices,
   * in this order). The site's own (en, es, ar) first, then the most used on the web.
   */
  public static final Map<String, String> KNOWN = known();

  /**
   * Lingua's confidences are relative (the best is 1.0). On one or two words ("Danke!", "Merci !")
   * the runner-up is nearly as likely, and the guess is wrong as often as not: unless the runner-up
   * is well behind, such a post is "und", since a wrong lang attribute is worse than none. Measured
   * on language/short-posts.tsv (bench/language-detection).
   */
  static final int FEW_WORDS = 3;

  static final double FEW_WORDS_MAX_RUNNER_UP = 0.7;

  /** On longer posts, only a near tie is "und". */
  static final double MAX_RUNNER_UP = 0.98;

  private static final Pattern WORDS = Pattern.compile("\\p{L}+");

  /** Links, mentions and the hash of hashtags say nothing of the language; the tag's words may. */
  private static final Pattern NOISE = Pattern.compile("https?://\\S+|www\\.\\S+|@\\w+|#");

  private final LanguageDetector detector;

  /** The detector as the functions use it: see {@link #PostLanguage(boolean, boolean)}. */
  public PostLanguage() {
    this(false, true);
  }

  /**
   * Builds the detector. With {@code preload} every language's models are read now, without each
   * the first time a post in its script is detected. {@code lowAccuracy} keeps trigrams only: a
   * fraction of the heap and load time, for less accuracy on the shortest posts.
   */
  public PostLanguage(boolean preload, boolean lowAccuracy) {
    var builder =
        LanguageDetectorBuilder.fromIsoCodes639_1(
            KNOWN.keySet().stream()
                .map(tag -> IsoCode639_1.valueOf(tag.toUpperCase(Locale.ROOT)))
                .toArray(IsoCode639_1[]::new));
    if (preload) {
      builder = builder.withPreloadedLanguageModels();
    }
    if (lowAccuracy) {
      builder = builder.withLowAccuracyMode();
    }
    this.detector = builder.build();
  }

  /** The body's language tag, or {@code "und"}. */
  public String detect(String body) {
    String text = NOISE.matcher(body).replaceAll(" ");
    SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(text);
    if (confidences.isEmpty()) {
      return UNDETERMINED;
    }
    var ranked = confidences.entrySet().iterator();
    Language best = ranked.next().getKey();
    double runnerUp = ranked.hasNext() ? ranked.next().getValue() : 0;
    long words = WORDS.matcher(text).results().count();
    if (best == Language.UNKNOWN
        || runnerUp >= (words < FEW_WORDS ? FEW_WORDS_MAX_RUNNER_UP : MAX_RUNNER_UP)) {
      return UNDETERMINED;
    }
    return best.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  public static boolean isKnown(String tag) {
    return KNOWN.containsKey(tag);
  }

  private static Map<String, String> known() {
    Map<String, String> known = new LinkedHashMap<>();
    known.put("en", "English");
    known.put("es", "Español");
    known.put("ar", "العربية");
    known.put("fr", "Français");
    known.put("de", "Deutsch");
    known.put("pt", "Português");
    known.put("it", "Italiano");
    known.put("nl", "Nederlands");
    known.put("ru", "Русский");
    known.put("uk", "Українська");
    known.put("pl", "Polski");
    known.put("tr", "Türkçe");
    known.put("sv", "Svenska");
    known.put("id", "Bahasa Indonesia");
    known.put("vi", "Tiếng Việt");
    known.put("fa", "فارسی");
    known.put("he", "עברית");
    known.put("hi", "हिन्दी");
    known.put("zh", "中文");
    known.put("ja", "日本語");
    known.put("ko", "한국어");
    return Collections.unmodifiableMap(known);
  }
}
