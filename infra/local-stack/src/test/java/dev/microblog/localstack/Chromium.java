package dev.microblog.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver, started so that it never reaches for the
 * network (this machine's network is closed) nor leaves files in $HOME.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  static ChromeDriver start(Path scratch) throws IOException {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(
          "Browser tests need Debian's chromium and chromedriver in /usr/bin: run infra/bin/test"
              + " (it installs them as root) or `sudo apt-get install -y chromium chromium-driver`");
    }
    Path profile = Files.createDirectories(scratch.resolve("profile"));
    Path tmp = Files.createDirectories(scratch.resolve("tmp"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withEnvironment(
                Map.of(
                    "TMPDIR", tmp.toString(),
                    "XDG_CONFIG_HOME", scratch.resolve("config").toString(),
                    "XDG_CACHE_HOME", scratch.resolve("cache").toString()))
            .build();
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(BROWSER.toFile())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--user-data-dir=" + profile);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return driver;
  }
}
