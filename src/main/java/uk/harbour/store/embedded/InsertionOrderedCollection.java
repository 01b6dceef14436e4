package uk.harbour.store.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded store that files each new document under a position growing with
 * every insert, instead of under its {@code _id} as the stock backend does. Every commit rewrites
 * each B-tree leaf it touched in full: keyed by {@code _id}, the messages of 500 live conversations
 * land in 500 different leaves, so one commit re-encoded and compressed thousands of documents.
 * In insertion order, new documents share the last leaf or two. Positions are opaque to the
 * server (every index maps its keys to them), so queries and look-ups are unchanged.
 *
 * <p>Documents in a file written in the stock layout stay under their {@code _id}; new positions
 * start above every number already used as a key, so the two never meet.
 *
 * <p>Updates change a copy, which then replaces the stored document. The stock collection changes
 * the very instance its map holds, in place, while a commit on another thread may be writing that
 * instance out: under load (10,000 young people joining) the commit failed with a
 * ConcurrentModificationException, H2 closed the store, and every later write failed.
 */
final class InsertionOrderedCollection extends H2Collection {

  private final MVMap<Object, Document> data;
  private final AtomicLong next;

  InsertionOrderedCollection(
      MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
    super(database, name, options, data, meta, cursors);
    this.data = data;
    this.next = new AtomicLong(firstFreePosition(data));
  }

  /** One above the largest number used as a key (H2 orders keys by type first, so that is the largest {@code Long}). */
  static long firstFreePosition(MVMap<Object, ?> data) {
    Object last = data.floorKey(Long.MAX_VALUE);
    return last instanceof Long position ? position + 1 : 1;
  }

  /** Set while this thread runs an update, so the documents it finds are copies it may change. */
  private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> false);

  @Override
  public Document updateDocuments(
      Document selector, Document update, ArrayFilters arrayFilters, boolean isMulti, boolean isUpsert, Oplog oplog) {
    return updating(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
  }

  @Override
  public Document findAndModify(Document query) {
    return updating(() -> super.findAndModify(query));
  }

  @Override
  protected QueryResult queryDocuments(
      Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
    QueryResult found = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    if (!UPDATING.get()) {
      return found;
    }
    // Deep copies: an update may also change a nested document or list in place.
    List<Document> copies = new ArrayList<>();
    found.forEach(document -> copies.add(document.cloneDeeply()));
    return new QueryResult(copies, found.getCursorId());
  }

  private static Document updating(Supplier<Document> update) {
    UPDATING.set(true);
    try {
      return update.get();
    } finally {
      UPDATING.set(false);
    }
  }

  @Override
  protected Object addDocumentInternal(Document document) {
    Long position = next.getAndIncrement();
    data.put(position, document);
    return position;
  }
}
