package uk.harbour.store.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.zip.CRC32C;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's redo log. An MVStore commit rewrites, compressed, every B-tree page the
 * writes since the last one touched (the last data leaf, each index's leaves, their parents), so
 * at chat load, with a commit every few milliseconds, most of the store's CPU went on rewriting the
 * same pages hundreds of times a second (docs/performance.md, "Twentieth pass"). Instead, a commit
 * appends the changes themselves to this log and syncs it; the B-trees are written to the file by
 * a checkpoint about once a second, which starts a new log segment and, once the file has every
 * change before it, deletes the older segments. On open, the changes in the segments the file
 * does not yet cover are applied again ({@link #recover}).
 *
 * <p>Segments are files beside the store's, {@code <store file>.log.<n>}. Each commit appends one
 * record: its length, a CRC-32C of its body, and its changes, each as the map's H2 id, whether the
 * key was put or removed, the key and the value, in the map's own types. The first segment the file
 * does not cover is kept in the file itself (the map {@link #POSITION_MAP}), written with each
 * checkpoint, so a crash between a checkpoint and the deletion of old segments replays nothing twice
 * that matters, and a record torn by a crash (never acknowledged: its sync never returned) ends the
 * replay.
 *
 * <p>Changes to which maps exist (a collection or index created, dropped or renamed) are not in
 * the log: after one, the next commit is a checkpoint ({@link #structureChanged}).
 */
final class WriteAheadLog {

  private static final Logger LOG = LoggerFactory.getLogger(WriteAheadLog.class);

  static final String POSITION_MAP = "harbour.log";
  private static final String FIRST_LIVE = "firstLiveSegment";
  private static final int HEADER = 8;
  private static final byte PUT = 1;
  private static final byte REMOVE = 0;

  private record Change(MVMap<Object, Object> map, Object key, Object value) {}

  private final MVStore store;
  private final LogSegments files;
  private final MVMap<String, Long> position;

  // Guarded by this: the lock every LoggedMap change is made under.
  private List<Change> pending = new ArrayList<>();
  private boolean recording;

  private final AtomicLong structure = new AtomicLong();
  private volatile long checkpointedStructure;

  // Guarded by writing.
  private final Object writing = new Object();
  private final WriteBuffer buffer = new WriteBuffer(256 * 1024);
  private final CRC32C crc = new CRC32C();
  private FileChannel channel;
  private long segment;
  /**
   * Non-zero once an append failed (its record may be half written) or a segment could not be
   * started: nothing more is appended until a checkpoint that started this segment has covered it.
   */
  private long repairedBy = 1;

  WriteAheadLog(MVStore store, Path storeFile) {
    this.store = store;
    this.files = new LogSegments(storeFile);
    this.position = store.openMap(POSITION_MAP);
  }

  /** Called by {@link LoggedMap} under this log's lock, right after it changed {@code key}. */
  @SuppressWarnings("unchecked")
  void record(MVMap<?, ?> map, Object key, Object valueNow) {
    if (recording) {
      pending.add(new Change((MVMap<Object, Object>) map, key, valueNow));
    }
  }

  /** A map was created, dropped, renamed or cleared: the next commit must be a checkpoint. */
  void structureChanged() {
    structure.incrementAndGet();
  }

  boolean structureChangedSinceCheckpoint() {
    return structure.get() != checkpointedStructure;
  }

  /**
   * Appends every change recorded so far and syncs the segment. Returns false, writing nothing, if
   * an earlier append failed: only a checkpoint can then make the changes durable.
   */
  boolean flush() throws IOException {
    synchronized (writing) {
      if (repairedBy != 0) {
        return false;
      }
      List<Change> changes = takePending();
      if (!changes.isEmpty()) {
        append(changes);
      }
      return true;
    }
  }

  /**
   * Writes the B-trees to the file: starts a new segment, commits and syncs the store, then deletes
   * the segments it covers. Every change recorded before it is in the file afterwards.
   */
  void checkpoint() {
    long structureNow = structure.get();
    long first = startSegment();
    position.put(FIRST_LIVE, first);
    store.commit();
    store.sync();
    synchronized (writing) {
      if (repairedBy != 0 && first >= repairedBy && channel != null) {
        repairedBy = 0;
      }
    }
    checkpointedStructure = structureNow;
    files.deleteBefore(first);
  }

  /**
   * Applies again the changes of every segment the file does not cover, in order, then makes them
   * part of the file with a checkpoint and starts recording. Call once, before anything else
   * opens a map; {@code maps} opens a map by its H2 id (null if the file has no such map).
   */
  void recover(IntFunction<MVMap<Object, Object>> maps) {
    long firstLive = position.getOrDefault(FIRST_LIVE, 0L);
    TreeMap<Long, Path> segments = files.list();
    int replayed = 0;
    boolean ended = false;
    for (var entry : files.following(segments, firstLive).entrySet()) {
      if (ended) {
        LOG.error("Log segment {} follows a record that ended the replay; not applied", entry.getValue());
        continue;
      }
      Replay replay = replay(entry.getValue(), maps);
      replayed += replay.changes;
      ended = replay.ended;
    }
    if (replayed > 0) {
      LOG.info("Applied {} changes from the store's log after an unclean stop", replayed);
    }
    segment = segments.isEmpty() ? firstLive : Math.max(firstLive, segments.lastKey());
    synchronized (this) {
      recording = true;
    }
    checkpoint();
  }

  /** Closes the segment being written; the changes not yet flushed are dropped, as in a crash. */
  void close() {
    synchronized (writing) {
      closeChannel();
      repairedBy = Long.MAX_VALUE;
    }
  }

  /** Deletes every segment: call only once the file has every change (after the store's close). */
  void deleteAll() {
    files.deleteBefore(Long.MAX_VALUE);
  }

  private synchronized List<Change> takePending() {
    List<Change> taken = pending;
    pending = new ArrayList<>(Math.max(16, taken.size()));
    return taken;
  }

  private long startSegment() {
    synchronized (writing) {
      List<Change> changes = takePending();
      if (repairedBy == 0 && !changes.isEmpty()) {
        try {
          append(changes);
        } catch (IOException e) {
          // The checkpoint that follows puts these changes in the file anyway.
          LOG.warn("Appending to the store's log failed; the checkpoint under way covers it", e);
        }
      }
      // A segment that ends whole may be followed at once; one that may end half written only once
      // the checkpoint covers it (checkpoint()), or the replay would stop short of later records.
      boolean intact = repairedBy == 0;
      closeChannel();
      segment++;
      try {
        channel = files.create(segment);
      } catch (IOException e) {
        closeChannel();
        LOG.warn("Starting a log segment failed; commits write the whole store until one starts", e);
      }
      if (!intact || channel == null) {
        repairedBy = segment;
      }
      return segment;
    }
  }

  private void append(List<Change> changes) throws IOException {
    try {
      buffer.clear();
      buffer.putInt(0).putInt(0);
      for (Change change : changes) {
        buffer.putVarInt(change.map.getId());
        change.map.getKeyType().write(buffer, change.key);
        if (change.value == null) {
          buffer.put(REMOVE);
        } else {
          buffer.put(PUT);
          change.map.getValueType().write(buffer, change.value);
        }
      }
      ByteBuffer bytes = buffer.getBuffer();
      bytes.flip();
      crc.reset();
      crc.update(bytes.duplicate().position(HEADER));
      bytes.putInt(0, bytes.limit() - HEADER).putInt(4, (int) crc.getValue());
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException | RuntimeException e) {
      repairedBy = segment + 1;
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  private record Replay(int changes, boolean ended) {}

  private Replay replay(Path file, IntFunction<MVMap<Object, Object>> maps) {
    ByteBuffer bytes;
    try {
      bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.BIG_ENDIAN);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the store's log segment " + file, e);
    }
    int applied = 0;
    CRC32C check = new CRC32C();
    while (bytes.remaining() > 0) {
      if (bytes.remaining() < HEADER) {
        return new Replay(applied, true);
      }
      int length = bytes.getInt();
      int sum = bytes.getInt();
      if (length < 0 || length > bytes.remaining()) {
        return new Replay(applied, true);
      }
      ByteBuffer body = bytes.slice(bytes.position(), length);
      bytes.position(bytes.position() + length);
      check.reset();
      check.update(body.duplicate());
      if ((int) check.getValue() != sum) {
        return new Replay(applied, true);
      }
      while (body.hasRemaining()) {
        MVMap<Object, Object> map = maps.apply(DataUtils.readVarInt(body));
        if (map == null) {
          // Created after the file's last commit, so the commit that made it durable never ended.
          return new Replay(applied, true);
        }
        Object key = map.getKeyType().read(body);
        if (body.get() == PUT) {
          map.put(key, map.getValueType().read(body));
        } else {
          map.remove(key);
        }
        applied++;
      }
    }
    return new Replay(applied, false);
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("Closing a log segment", e);
      }
      channel = null;
    }
  }
}
