package uk.harbour.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads every document of a collection in batches. A plain find asks for everything at once, and
 * the embedded store then answers in one reply, which the driver refuses past 48 MB: with about
 * 60,000 conversation snapshots Harbour could not start.
 */
final class AllDocuments {

  /** Small enough that even documents of 150 KB (far above what Harbour stores) stay under that limit per batch. */
  static final int BATCH = 250;
  /** Ids and other small documents: far more of them fit in a reply. */
  static final int IDS_BATCH = 10_000;

  private AllDocuments() {}

  static Future<List<JsonObject>> of(MongoClient mongo, String collection) {
    return of(mongo, collection, doc -> doc);
  }

  /** Every document, each turned into {@code T} as it arrives, so the documents of every batch are never held at once. */
  static <T> Future<List<T>> of(MongoClient mongo, String collection, Function<JsonObject, T> mapper) {
    return read(mongo, collection, new FindOptions().setBatchSize(BATCH), mapper);
  }

  /** Every document of a collection of small ones (a few fields each), each turned into {@code T}. */
  static <T> Future<List<T>> small(MongoClient mongo, String collection, Function<JsonObject, T> mapper) {
    return read(mongo, collection, new FindOptions().setBatchSize(IDS_BATCH), mapper);
  }

  /** Every document, only the {@code fields} given (small: many fit in a reply), each turned into {@code T}. */
  static <T> Future<List<T>> projected(MongoClient mongo, String collection, JsonObject fields, Function<JsonObject, T> mapper) {
    return read(mongo, collection, new FindOptions().setBatchSize(IDS_BATCH).setFields(fields), mapper);
  }

  /** Every document's {@code _id} only. */
  static Future<List<String>> ids(MongoClient mongo, String collection) {
    return projected(mongo, collection, new JsonObject().put("_id", 1), doc -> doc.getString("_id"));
  }

  /**
   * Not {@link ReadStream#collect}: it sets the end handler after the item handler, which starts
   * the read, so when the caller is outside the stream's context (a test's thread, a shutdown hook)
   * a short read can end before there is an end handler, and the answer never comes.
   */
  private static <T> Future<List<T>> read(MongoClient mongo, String collection, FindOptions options, Function<JsonObject, T> mapper) {
    ReadStream<JsonObject> documents = mongo.findBatchWithOptions(collection, new JsonObject(), options);
    Promise<List<T>> all = Promise.promise();
    List<T> read = new ArrayList<>();
    documents.exceptionHandler(all::tryFail).endHandler(v -> all.tryComplete(read)).handler(doc -> read.add(mapper.apply(doc)));
    return all.future();
  }
}
