package uk.harbour.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The write-ahead log's segment files, {@code <store file>.log.<n>} beside the store's file. */
final class LogSegments {

  private static final Logger LOG = LoggerFactory.getLogger(LogSegments.class);

  private final Path directory;
  private final String prefix;

  LogSegments(Path storeFile) {
    Path absolute = storeFile.toAbsolutePath();
    this.directory = absolute.getParent();
    this.prefix = absolute.getFileName() + ".log.";
  }

  /** Every segment there is, by number. */
  TreeMap<Long, Path> list() {
    TreeMap<Long, Path> found = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.forEach(file -> {
        String name = file.getFileName().toString();
        if (name.startsWith(prefix)) {
          try {
            found.put(Long.parseLong(name.substring(prefix.length())), file);
          } catch (NumberFormatException e) {
            // Not one of ours.
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Listing the store's log segments in " + directory, e);
    }
    return found;
  }

  /** Segment {@code number}, empty, its name synced: a new segment's name must survive a power cut as well as its contents. */
  FileChannel create(long number) throws IOException {
    FileChannel channel = FileChannel.open(
        directory.resolve(prefix + number), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return channel;
  }

  /**
   * The segments, of those listed, that a file whose log begins at {@code firstLive} replays, in
   * order. That log begins with the segment the file's last checkpoint started whenever anything
   * was appended after it (if that segment could not be made, the next ones stay empty until a
   * checkpoint covers them). Without it the segments are another file's: an older copy restored
   * beside a newer log, or a new file beside an old log. Applied, they would mix two states, so
   * none is returned and those holding anything are kept aside for a person to look at.
   */
  SortedMap<Long, Path> following(TreeMap<Long, Path> segments, long firstLive) {
    SortedMap<Long, Path> uncovered = segments.tailMap(firstLive);
    if (uncovered.isEmpty() || uncovered.firstKey() == firstLive) {
      return uncovered;
    }
    setAside(uncovered.values(), firstLive);
    return Collections.emptySortedMap();
  }

  /**
   * Renames each of {@code segments} that holds anything to {@code <name>.not-replayed-<millis>}
   * (when it was last written, so a person can tell which life of the store it is from), which no
   * listing finds again, saying so as an ERROR: they must not be applied to a store whose log
   * begins at segment {@code expected}. Empty ones stay, for the next checkpoint to delete.
   */
  private void setAside(Collection<Path> segments, long expected) {
    for (Path file : segments) {
      try {
        if (Files.size(file) > 0) {
          Path aside = file.resolveSibling(file.getFileName() + ".not-replayed-" + Files.getLastModifiedTime(file).toMillis());
          Files.move(file, aside);
          LOG.error("The store's log segment {} does not follow its file, whose log begins at segment {}: not applied, kept as {}"
              + " (a backup restored beside a newer log? docs/operations.md, \"Backup and restore\")", file, expected, aside);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Setting aside the store's log segment " + file, e);
      }
    }
  }

  void deleteBefore(long first) {
    for (Path file : list().headMap(first).values()) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Harmless: the store's file records that it covers this segment, so it is never replayed.
        LOG.warn("Could not delete the store's log segment {}", file, e);
      }
    }
  }
}
