package dev.microblog.functions.posting;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.PostLanguages;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * The language a post is written in, as a BCP 47 tag, or {@link #UNDETERMINED} when the text does
 * not say clearly enough. Lingua (built for short text; see bench/language-detection for why it was
 * chosen) with only {@link PostLanguages}' languages: each one enabled costs load time and heap in
 * every function container.
 */
@Context
public final class PostLanguage {
  public static final String UNDETERMINED = Post.UNDETERMINED;

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

  /**
   * The detector as the functions use it: low accuracy (tens of MB, not hundreds), models read at
   * start-up ({@link Context}), so the function's SnapStart snapshot holds them and no post waits
   * for them.
   */
  @Inject
  public PostLanguage() {
    this(true, true);
  }

  /**
   * Builds the detector. With {@code preload} every language's models are read now, without each
   * the first time a post in its script is detected. {@code lowAccuracy} keeps trigrams only: a
   * fraction of the heap and load time, for less accuracy on the shortest posts.
   */
  public PostLanguage(boolean preload, boolean lowAccuracy) {
    var builder =
        LanguageDetectorBuilder.fromIsoCodes639_1(
            PostLanguages.AUTONYMS.keySet().stream()
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
}
