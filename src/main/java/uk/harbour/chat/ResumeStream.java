package uk.harbour.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Answers one {@code resume}: every message after {@code afterSeq} up to the conversation's last
 * seq when the resume arrived, as {@code history} frames of at most one page each, the last one
 * {@code complete}. A page is read only once the one before it has been written and the
 * connection can take more, so a long conversation never sits in memory; what arrives meanwhile
 * comes live.
 */
final class ResumeStream {

  /** The messages the reader may see with {@code afterSeq < seq <= throughSeq}, oldest first. */
  @FunctionalInterface
  interface Pages {
    Future<List<Message>> read(long afterSeq, long throughSeq);
  }

  /** Writes a frame; the future completes once the connection can take the next one. */
  @FunctionalInterface
  interface Writer {
    Future<Void> write(String frame);
  }

  private final Context context;
  private final String conversationId;
  private final long untilSeq;
  private final int pageSize;
  private final Pages pages;
  private final Writer writer;
  private final LongSupplier lastSeq;
  private boolean cancelled;

  ResumeStream(Context context, String conversationId, long untilSeq, int pageSize, Pages pages, Writer writer, LongSupplier lastSeq) {
    this.context = Objects.requireNonNull(context);
    this.conversationId = Objects.requireNonNull(conversationId);
    this.untilSeq = untilSeq;
    this.pageSize = pageSize;
    this.pages = Objects.requireNonNull(pages);
    this.writer = Objects.requireNonNull(writer);
    this.lastSeq = Objects.requireNonNull(lastSeq);
  }

  /** Stops before the next page: a newer resume for the same conversation replaces this one. */
  void cancel() {
    cancelled = true;
  }

  /** Completes after the complete page is written, or when cancelled; fails if a page cannot be read. */
  Future<Void> from(long afterSeq) {
    Promise<Void> done = Promise.promise();
    page(afterSeq, done);
    return done.future();
  }

  /**
   * One page, then the next is scheduled afresh on the connection's context: pages served from
   * the cache complete at once, and neither the calls nor the futures may nest one per page.
   */
  private void page(long afterSeq, Promise<Void> done) {
    if (cancelled) {
      done.tryComplete();
      return;
    }
    boolean last = afterSeq >= untilSeq || untilSeq - afterSeq <= pageSize;
    long through = last ? untilSeq : afterSeq + pageSize;
    pages
        .read(afterSeq, through)
        .compose(
            messages ->
                // A stretch the reader may not see (staff notes, for a care leaver) sends no empty page.
                messages.isEmpty() && !last
                    ? Future.<Void>succeededFuture()
                    : writer.write(ServerFrames.history(conversationId, messages, last, lastSeq.getAsLong())))
        .onComplete(
            written -> {
              if (written.failed()) {
                done.tryFail(written.cause());
              } else if (last) {
                done.tryComplete();
              } else {
                context.runOnContext(v -> page(through, done));
              }
            });
  }
}
