package dev.microblog.core.domain;

import java.util.regex.Pattern;

/** The limits every write is checked against; one place so forms, functions and pages agree. */
public final class Rules {
  /** Usernames are case-insensitive: they are stored, shown and used in URLs in lower case. */
  public static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{3,30}");

  public static final int USERNAME_MIN = 3;
  public static final int USERNAME_MAX = 30;
  public static final int EMAIL_MAX = 254;
  public static final int PASSWORD_MIN = 8;

  /** Long enough for passphrases, short enough that hashing cannot be used to burn CPU. */
  public static final int PASSWORD_MAX = 128;

  /** Counted in Unicode code points, so an emoji counts as one character. */
  public static final int POST_MAX = 280;

  /** Requests above this are refused before they are parsed. */
  public static final int MAX_REQUEST_BYTES = 64 * 1024;

  private Rules() {}
}
