package uk.harbour.store;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands the driver has sent and heard nothing back for. A store that keeps a connection
 * open but stops answering holds every operation until the driver's read timeout (a minute), and
 * whatever waits on them says nothing meanwhile: this says which command has waited, and for how
 * long, once it is far beyond any answer Harbour asks for.
 */
final class UnansweredCommands implements CommandListener {

  private static final Logger LOG = LoggerFactory.getLogger(UnansweredCommands.class);

  /** Far beyond any one answer (milliseconds; a report over a year of history well under a second). */
  static final Duration LIMIT = Duration.ofSeconds(15);

  record Waiting(String command, String database, long sentNanos) {

    Duration waited(long nowNanos) {
      return Duration.ofNanos(nowNanos - sentNanos);
    }
  }

  private final Map<Integer, Waiting> waiting = new ConcurrentHashMap<>();
  private final Duration limit;
  private boolean told;

  UnansweredCommands(Duration limit) {
    this.limit = limit;
  }

  @Override
  public void commandStarted(CommandStartedEvent event) {
    waiting.put(event.getRequestId(), new Waiting(event.getCommandName(), event.getDatabaseName(), System.nanoTime()));
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    waiting.remove(event.getRequestId());
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    waiting.remove(event.getRequestId());
  }

  /** The command that has waited longest for its answer, if any is waiting. */
  Optional<Waiting> oldest() {
    return waiting.values().stream().min(Comparator.comparingLong(Waiting::sentNanos));
  }

  /** Says in the log, once, when a command has waited longer than the limit, and once when none has any more. */
  synchronized void check() {
    long now = System.nanoTime();
    Optional<Waiting> late = oldest().filter(w -> w.waited(now).compareTo(limit) > 0);
    if (late.isPresent() && !told) {
      Waiting w = late.get();
      LOG.error("The store has not answered a {} command for {} s ({} commands waiting): whatever waits on it waits until the driver gives up",
          w.command(), w.waited(now).toSeconds(), waiting.size());
    } else if (late.isEmpty() && told) {
      LOG.info("The store answers again");
    }
    told = late.isPresent();
  }

  /** What is waiting, oldest first, for a diagnosis (tests print it when a future never completes). */
  String describe() {
    long now = System.nanoTime();
    return waiting.values().stream()
        .sorted(Comparator.comparingLong(Waiting::sentNanos))
        .map(w -> w.command() + " on " + w.database() + " for " + w.waited(now).toMillis() + " ms")
        .toList()
        .toString();
  }
}
