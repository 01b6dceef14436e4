package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads every document of a collection in batches. A plain find asks for everything at once, and
 * the embedded store then answers in one reply, which the driver refuses past 48 MB: with about
 * 60,000 conversation snapshots Harbour could not start.
 */
final class AllDocuments {

  /** Small enough that even documents of 150 KB (far above what Harbour stores) stay under that limit per batch. */
  static final int BATCH = 250;
  /** Ids are short: far more of them fit in a reply. */
  static final int IDS_BATCH = 10_000;

  private AllDocuments() {}

  static Future<List<JsonObject>> of(MongoClient mongo, String collection) {
    return of(mongo, collection, doc -> doc);
  }

  /** Every document, each turned into {@code T} as it arrives, so the documents of every batch are never held at once. */
  static <T> Future<List<T>> of(MongoClient mongo, String collection, java.util.function.Function<JsonObject, T> mapper) {
    return mongo.findBatchWithOptions(collection, new JsonObject(), new FindOptions().setBatchSize(BATCH)).collect(Collectors.mapping(mapper, Collectors.toList()));
  }

  /** Every document, only the {@code fields} given (small: many fit in a reply), each turned into {@code T}. */
  static <T> Future<List<T>> projected(MongoClient mongo, String collection, JsonObject fields, java.util.function.Function<JsonObject, T> mapper) {
    return mongo.findBatchWithOptions(collection, new JsonObject(), new FindOptions().setBatchSize(IDS_BATCH).setFields(fields))
        .collect(Collectors.mapping(mapper, Collectors.toList()));
  }

  /** Every document's {@code _id} only. */
  static Future<List<String>> ids(MongoClient mongo, String collection) {
    FindOptions idsOnly = new FindOptions().setBatchSize(IDS_BATCH).setFields(new JsonObject().put("_id", 1));
    return mongo.findBatchWithOptions(collection, new JsonObject(), idsOnly).collect(Collectors.mapping(doc -> doc.getString("_id"), Collectors.toList()));
  }
}
