package uk.harbour.store.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import uk.harbour.store.embedded.EmbeddedStore;
import uk.harbour.store.GroupCommitter;

/**
 * Soak test of the embedded store (not part of ops/test): write N chat-sized messages through the
 * MongoDB driver with group commit, restart, read every one back by _id and check it, and check the
 * file stays near the data's real size. Exit code 1 on any problem.
 */
public final class StoreSoak {

  private static final int IN_FLIGHT = 64;
  private static final int CONVERSATIONS = 1000;

  public static void main(String[] args) throws Exception {
    long messages = 1_000_000;
    boolean readOnly = false;
    Path file = Path.of("data", "soak", "soak.mv.db");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--messages" -> messages = Long.parseLong(args[++i]);
        case "--file" -> file = Path.of(args[++i]);
        case "--read-only" -> readOnly = true;
        case "--help" -> {
          System.out.println("ops/soak [--messages N (default 1000000)] [--file PATH (default data/soak/soak.mv.db)] [--read-only]");
          System.out.println("  --read-only: skip writing; restart and check a file an earlier run wrote with the same N");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Vertx vertx = Vertx.vertx();
    try {
      if (!readOnly) {
        Files.deleteIfExists(file);
        long started = System.nanoTime();
        EmbeddedStore server = EmbeddedStore.start(file);
        write(vertx, server, messages);
        double seconds = (System.nanoTime() - started) / 1e9;
        server.close();
        System.out.printf("wrote %d messages in %.1f s (%.0f/s, %d in flight, group commit)%n", messages, seconds, messages / seconds, IN_FLIGHT);
      }
      long size = Files.size(file);

      long readStart = System.nanoTime();
      EmbeddedStore reopened = EmbeddedStore.start(file);
      long missing = readBack(vertx, reopened, messages);
      reopened.close();
      System.out.printf("read back %d messages in %.1f s; missing or wrong: %d%n", messages, (System.nanoTime() - readStart) / 1e9, missing);
      long raw = messages * 150L;
      System.out.printf("file %d bytes = %.0f bytes per message (raw text %d bytes)%n", size, (double) size / messages, raw);
      boolean ok = missing == 0 && size <= 8 * raw;
      System.out.println(ok ? "SOAK PASSED" : "SOAK FAILED");
      System.exit(ok ? 0 : 1);
    } catch (Exception e) {
      System.out.println("SOAK FAILED: " + e);
      e.printStackTrace(System.out);
      System.exit(1);
    } finally {
      vertx.close();
    }
  }

  static String id(long i) {
    return "cl-soak-" + (i % CONVERSATIONS) + ":" + String.format("%012d", i / CONVERSATIONS + 1);
  }

  static String text(long i) {
    String base = "Soak message " + i + " – the quick brown fox jumps over the lazy dog. ";
    return (base + base + base).substring(0, 120);
  }

  private static MongoClient client(Vertx vertx, EmbeddedStore server) {
    return MongoClient.create(vertx, new JsonObject().put("connection_string", server.connectionString()).put("db_name", "soak").put("maxPoolSize", IN_FLIGHT));
  }

  private static void write(Vertx vertx, EmbeddedStore server, long total) throws Exception {
    MongoClient mongo = client(vertx, server);
    GroupCommitter commits = new GroupCommitter(vertx, server::commit);
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    Promise<Void> finished = Promise.promise();
    for (int lane = 0; lane < IN_FLIGHT; lane++) {
      vertx.runOnContext(v -> writeNext(mongo, commits, next, done, total, finished));
    }
    finished.future().toCompletionStage().toCompletableFuture().get(6, TimeUnit.HOURS);
    mongo.close();
  }

  private static void writeNext(MongoClient mongo, GroupCommitter commits, AtomicLong next, AtomicLong done, long total, Promise<Void> finished) {
    long i = next.getAndIncrement();
    if (i >= total) {
      return;
    }
    JsonObject doc = new JsonObject().put("_id", id(i)).put("conversationId", "cl-soak-" + (i % CONVERSATIONS)).put("seq", i / CONVERSATIONS + 1).put("kind", "TEXT").put("text", text(i));
    mongo.insert("messages", doc)
        .compose(v -> commits.afterWrite())
        .onSuccess(v -> {
          long count = done.incrementAndGet();
          if (count % 100_000 == 0) {
            System.out.println("  " + count + " written");
          }
          if (count == total) {
            finished.tryComplete();
          } else {
            writeNext(mongo, commits, next, done, total, finished);
          }
        })
        .onFailure(finished::tryFail);
  }

  private static long readBack(Vertx vertx, EmbeddedStore server, long total) throws Exception {
    MongoClient mongo = client(vertx, server);
    long missing = 0;
    for (long from = 0; from < total; from += 500) {
      JsonArray ids = new JsonArray();
      long to = Math.min(total, from + 500);
      for (long i = from; i < to; i++) {
        ids.add(id(i));
      }
      var found = mongo.find("messages", new JsonObject().put("_id", new JsonObject().put("$in", ids))).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      java.util.Map<String, String> texts = new java.util.HashMap<>();
      found.forEach(d -> texts.put(d.getString("_id"), d.getString("text")));
      for (long i = from; i < to; i++) {
        if (!text(i).equals(texts.get(id(i)))) {
          missing++;
        }
      }
    }
    mongo.close();
    return missing;
  }

  private StoreSoak() {}
}
