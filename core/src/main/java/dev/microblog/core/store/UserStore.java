package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.domain.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Users: sign-up with unique username and e-mail, profiles, credentials. */
public final class UserStore {
  /** The profile attribute that holds the user's {@link SiteLocale} tag. */
  static final String LOCALE = "locale";

  private final Table table;

  public UserStore(Table table) {
    this.table = table;
  }

  /**
   * Creates the user and its e-mail claim in one transaction.
   *
   * @throws Conflict naming every field that is already taken; nothing is written then
   */
  public User create(NewUser user) {
    Map<String, AttributeValue> profile = profileItem(user, 0, 0);
    Map<String, AttributeValue> email = emailItem(user);

    try {
      Transactions.write(table, List.of(putIfAbsent(profile), putIfAbsent(email)));
    } catch (TransactionCanceledException e) {
      EnumSet<Conflict.Field> taken = EnumSet.noneOf(Conflict.Field.class);
      if (Transactions.conditionFailed(e, 0)) {
        taken.add(Conflict.Field.USERNAME);
      }
      if (Transactions.conditionFailed(e, 1)) {
        taken.add(Conflict.Field.EMAIL);
      }
      if (taken.isEmpty()) {
        throw e;
      }
      throw new Conflict(taken);
    }
    return new User(user.username(), user.joinedAt(), "", 0, 0, 0);
  }

  /**
   * The profile item of a new user with these follow counters. It has no post count: that is the
   * number of the user's newest post, which no post has to write here.
   */
  static Map<String, AttributeValue> profileItem(NewUser user, long followers, long following) {
    Map<String, AttributeValue> profile = item(userPk(user.username()), PROFILE);
    profile.put("username", s(user.username()));
    profile.put("email", s(user.email()));
    profile.put("passwordHash", s(user.passwordHash()));
    profile.put("joinedAt", s(user.joinedAt().toString()));
    profile.put(LOCALE, s(user.locale().tag()));
    profile.put("about", s(""));
    profile.put("followers", n(followers));
    profile.put("following", n(following));
    profile.put(GSI1_PK, s(USERS));
    profile.put(GSI1_SK, s(user.username()));
    return profile;
  }

  /** The item that claims the user's e-mail address. */
  static Map<String, AttributeValue> emailItem(NewUser user) {
    Map<String, AttributeValue> email = item(emailPk(user.email()), "EMAIL");
    email.put("username", s(user.username()));
    return email;
  }

  public Optional<User> find(String username) {
    return table
        .get(userPk(username), PROFILE)
        .map(i -> toUser(i, PostStore.countOf(table, username)));
  }

  public boolean exists(String username) {
    return table.get(userPk(username), PROFILE).isPresent();
  }

  /** The stored password hash, for login only. */
  public Optional<String> passwordHash(String username) {
    return table.get(userPk(username), PROFILE).map(i -> str(i, "passwordHash"));
  }

  public boolean emailTaken(String email) {
    return emailOwner(email).isPresent();
  }

  /** Who signed up with this address (any case), if anyone did. */
  public Optional<String> emailOwner(String email) {
    return table.get(emailPk(email), "EMAIL").map(i -> str(i, "username"));
  }

  /** All usernames in order (the index holds keys only: the name is its sort key). */
  public List<String> allUsernames() {
    List<String> names = new ArrayList<>();
    table
        .client()
        .queryPaginator(
            b ->
                b.tableName(table.name())
                    .indexName(GSI1)
                    .keyConditionExpression("gsi1pk = :users")
                    .expressionAttributeValues(Map.of(":users", s(USERS))))
        .items()
        .forEach(i -> names.add(str(i, GSI1_SK)));
    return names;
  }

  /** The language the user signed up in; accounts from before languages read as the default. */
  public SiteLocale preferredLocale(String username) {
    Map<String, AttributeValue> item =
        table
            .client()
            .getItem(g -> g.tableName(table.name()).key(Table.key(USER + username, PROFILE)))
            .item();
    String tag = item == null ? null : str(item, LOCALE);
    return SiteLocale.of(tag).orElse(SiteLocale.DEFAULT);
  }

  static User toUser(Map<String, AttributeValue> i, long postCount) {
    return new User(
        str(i, "username"),
        Instant.parse(str(i, "joinedAt")),
        str(i, "about") == null ? "" : str(i, "about"),
        postCount,
        num(i, "followers"),
        num(i, "following"));
  }

  private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(
            p ->
                p.tableName(table.name())
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk)"))
        .build();
  }

  /** E-mail addresses are unique regardless of case. */
  static String emailPk(String email) {
    return EMAIL + email.toLowerCase(Locale.ROOT);
  }
}
