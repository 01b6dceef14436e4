package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.harbour.identity.Role;

@DisplayName("A resume is written one page at a time")
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ResumeStreamTest {

  private static final int PAGE = 10;

  /** Reads pages of a conversation with messages 1..last, except the seqs in {@code hidden}. */
  private static final class FakePages implements ResumeStream.Pages {
    final List<long[]> asked = new ArrayList<>();
    final long last;
    final long hiddenFrom;
    final long hiddenTo;

    FakePages(long last, long hiddenFrom, long hiddenTo) {
      this.last = last;
      this.hiddenFrom = hiddenFrom;
      this.hiddenTo = hiddenTo;
    }

    @Override
    public Future<List<Message>> read(long afterSeq, long throughSeq) {
      asked.add(new long[] {afterSeq, throughSeq});
      List<Message> page =
          LongStream.rangeClosed(afterSeq + 1, Math.min(throughSeq, last))
              .filter(seq -> seq < hiddenFrom || seq > hiddenTo)
              .mapToObj(seq -> new Message("c", seq, 1, MessageKind.TEXT, "m" + seq, "jay", Role.CARE_LEAVER, "Jay", "k" + seq, Instant.EPOCH, null, null))
              .toList();
      return Future.succeededFuture(page);
    }
  }

  /** Holds each write until the test lets it through, as a backed-up socket would. */
  private static final class HeldWriter implements ResumeStream.Writer {
    final List<JsonObject> frames = new ArrayList<>();
    final List<Promise<Void>> held = new ArrayList<>();

    @Override
    public Future<Void> write(String frame) {
      frames.add(new JsonObject(frame));
      Promise<Void> promise = Promise.promise();
      held.add(promise);
      return promise.future();
    }

    void releaseAll() {
      List.copyOf(held).forEach(Promise::tryComplete);
    }
  }

  private static void onContext(Context context, Runnable step) {
    context.runOnContext(v -> step.run());
  }

  @Test
  @DisplayName("the next page is read only after the previous one has been written")
  void waitsForEachWrite(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    FakePages pages = new FakePages(25, 0, -1);
    HeldWriter writer = new HeldWriter();
    ResumeStream stream = new ResumeStream(context, "c", 25, PAGE, pages, writer, () -> 25);
    onContext(context, () -> {
      Future<Void> done = stream.from(0);
      vertx.setTimer(50, t1 -> {
        test.verify(() -> {
          assertEquals(1, pages.asked.size(), "one page read while the first write is held");
          assertEquals(1, writer.frames.size());
          assertFalse(writer.frames.get(0).getBoolean("complete"));
        });
        writer.releaseAll();
        vertx.setTimer(50, t2 -> {
          test.verify(() -> assertEquals(2, pages.asked.size(), "the second page follows the first write"));
          writer.releaseAll();
          vertx.setTimer(50, t3 -> {
            writer.releaseAll();
            done.onComplete(test.succeeding(v -> test.verify(() -> {
              assertEquals(3, writer.frames.size());
              assertEquals(List.of(false, false, true), writer.frames.stream().map(f -> f.getBoolean("complete")).toList());
              assertEquals(List.of(10, 10, 5), writer.frames.stream().map(f -> f.getJsonArray("messages").size()).toList());
              test.completeNow();
            })));
          });
        });
      });
    });
  }

  @Test
  @DisplayName("pages the reader may not see send nothing, and the end is still marked complete")
  void skipsHiddenStretches(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    FakePages pages = new FakePages(40, 11, 40);
    List<JsonObject> frames = new ArrayList<>();
    ResumeStream stream = new ResumeStream(context, "c", 40, PAGE, pages, f -> {
      frames.add(new JsonObject(f));
      return Future.succeededFuture();
    }, () -> 40);
    onContext(context, () -> stream.from(0).onComplete(test.succeeding(v -> test.verify(() -> {
      assertEquals(4, pages.asked.size(), "every page read");
      assertEquals(List.of(false, true), frames.stream().map(f -> f.getBoolean("complete")).toList(), "two frames: seqs 1-10, then an empty last page");
      assertTrue(frames.get(1).getJsonArray("messages").isEmpty());
      test.completeNow();
    }))));
  }

  @Test
  @DisplayName("a cancelled resume reads no further page")
  void cancel(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    FakePages pages = new FakePages(100, 0, -1);
    HeldWriter writer = new HeldWriter();
    ResumeStream stream = new ResumeStream(context, "c", 100, PAGE, pages, writer, () -> 100);
    onContext(context, () -> {
      Future<Void> done = stream.from(0);
      stream.cancel();
      writer.releaseAll();
      done.onComplete(test.succeeding(v -> test.verify(() -> {
        assertEquals(1, pages.asked.size());
        test.completeNow();
      })));
    });
  }

  @Test
  @DisplayName("a long conversation of cached pages does not nest one call per page")
  void manyImmediatePages(Vertx vertx, VertxTestContext test) {
    Context context = vertx.getOrCreateContext();
    long last = 200_000;
    FakePages pages = new FakePages(last, 1, last);
    ResumeStream stream = new ResumeStream(context, "c", last, PAGE, pages, f -> Future.succeededFuture(), () -> last);
    onContext(context, () -> stream.from(0).onComplete(test.succeeding(v -> test.verify(() -> {
      assertEquals(last / PAGE, pages.asked.size());
      test.completeNow();
    }))));
  }
}
