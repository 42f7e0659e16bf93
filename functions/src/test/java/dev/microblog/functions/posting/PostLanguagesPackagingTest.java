package dev.microblog.functions.posting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.PostLanguages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Lambda jar keeps Lingua's models of exactly the languages the detector enables. */
class PostLanguagesPackagingTest {
  @Test
  void theLambdaJarKeepsTheModelsOfEveryKnownLanguageAndNoOther() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    var packaged =
        Pattern.compile("<include>language-models/([a-z]+)/trigrams.json</include>")
            .matcher(pom)
            .results()
            .map(m -> m.group(1))
            .toList();

    assertThat(packaged).containsExactlyInAnyOrderElementsOf(PostLanguages.AUTONYMS.keySet());
  }
}
