package dev.microblog.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteLocaleTest {

  @ParameterizedTest(name = "cookie {0}, Accept-Language [{1}] -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        // the switcher's cookie wins over the browser
        "es    | ar                          | es",
        "ar    | NULL                        | ar",
        // a cookie that names no site locale, exactly, is ignored
        "fr    | es                          | es",
        "ES    | ar                          | ar",
        "''    | ar                          | ar",
        "es-MX | NULL                        | en",
        // nothing asked: the default
        "NULL  | NULL                        | en",
        "NULL  | ''                          | en",
        "NULL  | ' ,  ,'                     | en",
        // lookup: a more specific range falls back to its language
        "NULL  | es-MX                       | es",
        "NULL  | AR-eg                       | ar",
        "NULL  | zh-Hant-TW, es;q=0.1        | es",
        // descending weight, header order among equals
        "NULL  | es;q=0.5, ar;q=0.9          | ar",
        "NULL  | es;q=0.5, ar;q=0.5          | es",
        "NULL  | fr, ar;q=0.8, es;q=0.8, en;q=0.7 | ar",
        "NULL  | en;q=0.001, es;q=0          | en",
        "NULL  | es;q=1.000, ar;Q=0.999      | es",
        "NULL  | es ; q=0.5 , ar ;q=0.4      | es",
        // q=0 means not acceptable; * matches nothing here
        "NULL  | es;q=0, fr                  | en",
        "NULL  | *                           | en",
        "NULL  | *, ar;q=0.2                 | ar",
        "NULL  | fr, de                      | en",
        // a malformed header counts as absent, even where part of it would match
        "NULL  | es;q=2                      | en",
        "NULL  | es;q=0.5000                 | en",
        "NULL  | ar, es;level=1              | en",
        "NULL  | ar, en_US                   | en",
        "NULL  | ar, toolongtag              | en",
        "NULL  | es;q=.5                     | en",
        "NULL  | es-*                        | en",
        "NULL  | ar;q=1.5                    | en",
        "NULL  | 'ar;q= 0.5'                 | en",
        "NULL  | español                     | en",
      })
  void negotiation_prefers_the_cookie_then_the_browsers_best_supported_language(
      String cookie, String acceptLanguage, String expected) {
    assertThat(SiteLocale.negotiate(cookie, acceptLanguage).tag()).isEqualTo(expected);
  }
}
