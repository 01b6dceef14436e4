package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.identity.KnownBrowserRepository;

/** Known browsers in {@code known_browsers}, {@code _id} = token hash and account, so the look-up at sign-in is by id. */
public final class MongoKnownBrowserRepository implements KnownBrowserRepository {

  static final String COLLECTION = "known_browsers";

  private final MongoClient mongo;
  private final Durability durability;

  public MongoKnownBrowserRepository(MongoClient mongo, Durability durability) {
    this.mongo = Objects.requireNonNull(mongo);
    this.durability = Objects.requireNonNull(durability);
  }

  @Override
  public Future<Void> insert(KnownBrowser browser) {
    JsonObject doc =
        new JsonObject()
            .put("_id", id(browser.tokenHash(), browser.account()))
            .put("tokenHash", browser.tokenHash())
            .put("account", browser.account())
            .put("createdAt", Documents.date(browser.createdAt()))
            .put("expiresAt", Documents.date(browser.expiresAt()));
    return mongo.save(COLLECTION, doc).compose(id -> durability.afterWrite());
  }

  @Override
  public Future<Optional<KnownBrowser>> find(String tokenHash, String account) {
    return mongo
        .findOne(COLLECTION, new JsonObject().put("_id", id(tokenHash, account)), null)
        .map(
            doc ->
                Optional.ofNullable(doc)
                    .map(d -> new KnownBrowser(d.getString("tokenHash"), d.getString("account"), Documents.instant(d, "createdAt"), Documents.instant(d, "expiresAt"))));
  }

  @Override
  public Future<Void> delete(String tokenHash, String account) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", id(tokenHash, account))).compose(r -> durability.afterWrite());
  }

  private static String id(String tokenHash, String account) {
    return tokenHash + " " + account;
  }
}
