package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.identity.DeviceRepository;

/** Device tokens in {@code devices}, {@code _id} = the token's SHA-256, so the hot look-up is by id. */
public final class MongoDeviceRepository implements DeviceRepository {

  static final String COLLECTION = "devices";

  private final MongoClient mongo;
  private final Durability durability;

  public MongoDeviceRepository(MongoClient mongo, Durability durability) {
    this.mongo = Objects.requireNonNull(mongo);
    this.durability = Objects.requireNonNull(durability);
  }

  @Override
  public Future<Void> insert(Device device) {
    JsonObject doc =
        new JsonObject()
            .put("_id", device.tokenHash())
            .put("careLeaverId", device.careLeaverId())
            .put("createdAt", Documents.date(device.createdAt()))
            .put("expiresAt", Documents.date(device.expiresAt()));
    return mongo.insert(COLLECTION, doc).compose(id -> durability.afterWrite());
  }

  @Override
  public Future<Optional<Device>> find(String tokenHash) {
    return mongo
        .findOne(COLLECTION, new JsonObject().put("_id", tokenHash), null)
        .map(
            doc ->
                Optional.ofNullable(doc)
                    .map(
                        d ->
                            new Device(
                                d.getString("_id"),
                                d.getString("careLeaverId"),
                                Documents.instant(d, "createdAt"),
                                Documents.instant(d, "expiresAt"))));
  }

  @Override
  public Future<Void> delete(String tokenHash) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", tokenHash)).compose(r -> durability.afterWrite());
  }

  @Override
  public Future<Void> deleteAllFor(String careLeaverId) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("careLeaverId", careLeaverId)).compose(r -> durability.afterWrite());
  }
}
