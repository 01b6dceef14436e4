package uk.harbour.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Futures.join;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.store.MongoErrors;

/**
 * A commit appends the changes to the log instead of writing the B-trees; a crash before the next
 * checkpoint must lose none of them. Checkpoints are an hour apart here unless a test asks for one,
 * so what survives a crash came from the log.
 */
@DisplayName("The embedded store's write-ahead log")
class WriteAheadLogTest extends EmbeddedStoreTestBase {

  @Test
  @DisplayName("keeps every committed insert, update and delete across a crash, with indexes, though commits wrote no B-tree")
  void keepsCommittedChangesAcrossACrash() throws IOException {
    H2EmbeddedStore server = openWithoutCheckpoints();
    connect(server.connectionString());
    join(mongo.createIndexWithOptions("things", new JsonObject().put("code", 1), new IndexOptions().name("code").unique(true)));
    join(mongo.insert("things", thing(0)));
    server.commit();
    long version = server.mvStore().getCurrentVersion();

    for (int i = 1; i <= 200; i++) {
      join(mongo.insert("things", thing(i)));
      if (i % 50 == 0) {
        server.commit();
      }
    }
    join(mongo.updateCollection("things", new JsonObject().put("_id", "t1"), new JsonObject().put("$set", new JsonObject().put("x", 2))));
    join(mongo.removeDocument("things", new JsonObject().put("_id", "t2")));
    server.commit();
    assertEquals(version, server.mvStore().getCurrentVersion(), "commits appended to the log and left the B-trees alone");
    assertTrue(logBytes() > 200 * 20, "the changes are in the log");

    try (H2EmbeddedStore reopened = crashAndReopen(server)) {
      assertEquals(200, join(mongo.count("things", new JsonObject())));
      assertEquals(2, join(mongo.findOne("things", new JsonObject().put("_id", "t1"), null)).getInteger("x"), "the update");
      assertNull(join(mongo.findOne("things", new JsonObject().put("_id", "t2"), null)), "the delete");
      assertEquals("t150", join(mongo.findOne("things", new JsonObject().put("code", "c150"), null)).getString("_id"), "found by its index");
      CompletionException duplicate = assertThrows(CompletionException.class, () -> join(mongo.insert("things", thing(7).put("_id", "other"))));
      assertTrue(MongoErrors.isDuplicateKey(duplicate.getCause()), "the unique index holds the replayed keys");
      join(mongo.insert("things", thing(201)));
      assertEquals(201, join(mongo.count("things", new JsonObject())), "a new document takes a position of its own");
    }
  }

  @Test
  @DisplayName("ends the replay at a record torn by the crash, keeping every whole record before it")
  void endsAtATornRecord() throws IOException {
    H2EmbeddedStore server = openWithoutCheckpoints();
    connect(server.connectionString());
    join(mongo.insert("things", thing(1)));
    server.commit();
    join(mongo.insert("things", thing(2)));
    server.commit();
    disconnect();
    server.crash();
    // A record whose sync never returned: its header promises more than was written.
    Path newest = segments().get(segments().size() - 1);
    Files.write(newest, ByteBuffer.allocate(18).putInt(100).putInt(12345).array(), StandardOpenOption.APPEND);

    try (H2EmbeddedStore reopened = openWithoutCheckpoints()) {
      connect(reopened.connectionString());
      assertEquals(2, join(mongo.count("things", new JsonObject())));
    }
  }

  @Test
  @DisplayName("makes creating and dropping a collection durable at the commit that follows")
  void structureChangesAreDurableAtTheirCommit() {
    H2EmbeddedStore server = openWithoutCheckpoints();
    connect(server.connectionString());
    join(mongo.insert("old", thing(1)));
    server.commit();
    join(mongo.dropCollection("old"));
    join(mongo.insert("fresh", thing(2)));
    server.commit();

    try (H2EmbeddedStore reopened = crashAndReopen(server)) {
      List<String> collections = join(mongo.getCollections());
      assertTrue(collections.contains("fresh") && !collections.contains("old"), collections::toString);
      assertEquals(1, join(mongo.count("fresh", new JsonObject())));
    }
  }

  @Test
  @DisplayName("once it cannot be written, has each commit write the whole store until a checkpoint starts a new segment, then is appended to again")
  void aLogThatCannotBeWrittenFallsBackToCheckpoints() {
    H2EmbeddedStore server = openWithoutCheckpoints();
    connect(server.connectionString());
    join(mongo.insert("things", thing(1)));
    server.commit();
    // What a failed append leaves: a segment that may end in a torn record, and no channel to it.
    server.log().close();

    long before = server.mvStore().getCurrentVersion();
    join(mongo.insert("things", thing(2)));
    server.commit();
    long after = server.mvStore().getCurrentVersion();
    assertTrue(after > before, "the commit wrote the whole store");

    join(mongo.insert("things", thing(3)));
    server.commit();
    assertEquals(after, server.mvStore().getCurrentVersion(), "the next commit appended to the new segment");

    try (H2EmbeddedStore reopened = crashAndReopen(server)) {
      assertEquals(3, join(mongo.count("things", new JsonObject())));
    }
  }

  @Test
  @DisplayName("is deleted once a checkpoint has its changes, and none is left after a clean close")
  void isDeletedOnceCheckpointed() throws IOException {
    H2EmbeddedStore server = openWithoutCheckpoints();
    connect(server.connectionString());
    join(mongo.insert("things", thing(1)));
    server.commit();
    join(mongo.insert("things", thing(2)));
    server.commit();
    assertTrue(logBytes() > 0);

    server.checkpoint();
    assertEquals(1, segments().size(), "only the segment started by the checkpoint");
    assertEquals(0, logBytes(), "and nothing in it yet");
    disconnect();
    server.close();
    assertEquals(List.of(), segments());

    try (H2EmbeddedStore reopened = openWithoutCheckpoints()) {
      connect(reopened.connectionString());
      assertEquals(2, join(mongo.count("things", new JsonObject())));
    }
  }

  @Test
  @DisplayName("applies no segment that does not follow its file (an older copy restored beside a newer log), keeping it aside instead")
  void keepsAsideALogThatDoesNotFollowTheFile() throws IOException {
    H2EmbeddedStore server = openWithoutCheckpoints();
    connect(server.connectionString());
    join(mongo.insert("things", thing(1)));
    server.checkpoint();
    disconnect();
    server.close();
    Path backup = tempDir.resolve("backup.mv.db");
    Files.copy(storeFile(), backup);

    H2EmbeddedStore later = openWithoutCheckpoints();
    connect(later.connectionString());
    join(mongo.insert("things", thing(2)));
    later.checkpoint();
    later.checkpoint();
    join(mongo.removeDocument("things", new JsonObject().put("_id", "t1")));
    join(mongo.insert("things", thing(3)));
    later.commit();
    disconnect();
    later.crash();
    long withChanges = segments().stream().filter(this::hasContent).count();
    assertTrue(withChanges > 0, "the crash left the newer log");

    // The restore the docs warn against: the older file put back, the newer log left beside it.
    Files.copy(backup, storeFile(), StandardCopyOption.REPLACE_EXISTING);
    try (H2EmbeddedStore restored = openWithoutCheckpoints()) {
      connect(restored.connectionString());
      assertEquals(List.of("t1"), join(mongo.find("things", new JsonObject())).stream().map(t -> t.getString("_id")).toList(),
          "the backup as it was, none of the newer log's changes");
      assertEquals(withChanges, segmentsSetAside().size(), "each segment with changes in it kept aside");
      join(mongo.insert("things", thing(4)));
      restored.commit();
    }
    try (H2EmbeddedStore again = openWithoutCheckpoints()) {
      connect(again.connectionString());
      assertEquals(2, join(mongo.count("things", new JsonObject())), "the restored store logs and keeps its own writes");
    }
  }

  /** Stops {@code server} as {@code kill -9} would, then opens its file again with a client on it. */
  private H2EmbeddedStore crashAndReopen(H2EmbeddedStore server) {
    disconnect();
    server.crash();
    H2EmbeddedStore reopened = openWithoutCheckpoints();
    connect(reopened.connectionString());
    return reopened;
  }

  private H2EmbeddedStore openWithoutCheckpoints() {
    return H2EmbeddedStore.open(H2EmbeddedStore.settings(storeFile()), "127.0.0.1", 0, TimeUnit.HOURS.toMillis(1));
  }

  private List<Path> segmentsSetAside() throws IOException {
    try (Stream<Path> files = Files.list(tempDir)) {
      return files.filter(f -> f.getFileName().toString().contains(".not-replayed-")).toList();
    }
  }

  private boolean hasContent(Path segment) {
    try {
      return Files.size(segment) > 0;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<Path> segments() throws IOException {
    String prefix = storeFile().getFileName() + ".log.";
    try (Stream<Path> files = Files.list(tempDir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().substring(prefix.length()).matches("\\d+"))
          .sorted((a, b) -> Long.compare(number(a, prefix), number(b, prefix)))
          .toList();
    }
  }

  private static long number(Path segment, String prefix) {
    return Long.parseLong(segment.getFileName().toString().substring(prefix.length()));
  }

  private long logBytes() throws IOException {
    long total = 0;
    for (Path segment : segments()) {
      total += Files.size(segment);
    }
    return total;
  }

  private static JsonObject thing(int i) {
    return new JsonObject().put("_id", "t" + i).put("code", "c" + i).put("text", "thing number " + i);
  }
}
