package dev.microblog.functions.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.functions.Functions;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The way the local stack starts the functions: plain properties, nothing else. Netty only: it is
 * about the local server itself.
 */
@ExtendWith(Site.class)
@Tag("netty-only")
class LocalServerTest {

  @Test
  void startsFromPropertiesAlone(Site.Running site) {
    EmbeddedServer server = Functions.start(Site.properties(site.dynamo().endpoint()));
    try {
      Browser browser = new Browser(server.getURI());
      String name = Site.freshName("local");

      browser.signUp(name);

      assertThat(browser.get("/api/home").location()).isEqualTo("/en/users/" + name + "/home/");
    } finally {
      server.getApplicationContext().close();
    }
  }
}
