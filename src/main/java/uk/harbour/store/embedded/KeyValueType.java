package uk.harbour.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps unique-index keys. H2's default type does not know the server's
 * {@link KeyValue}, so it Java-serialises both keys on every comparison of a B-tree search: that
 * was most of the CPU of an insert. This type compares values the way MongoDB orders them and
 * writes strings compactly; anything else falls back to H2's own object encoding.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

  private static final byte OBJECT = 0;
  /** H2's own string encoding, a char at a time: written by earlier versions, still read. */
  private static final byte H2_STRING = 1;
  private static final byte LONG = 2;
  /** UTF-8 bytes after their length: encoding a whole string at once costs far less at commit. */
  private static final byte UTF8 = 3;

  private static final int ASCII_SCRATCH = 256;
  /** Commits serialise on one thread at a time per store; one array per thread. */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[ASCII_SCRATCH]);

  private final ObjectDataType objects = new ObjectDataType();

  @Override
  public int compare(KeyValue a, KeyValue b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      // Strings are nearly every key Harbour has; the general comparator's type checks cost more than the compare.
      int c = x instanceof String sx && y instanceof String sy ? sx.compareTo(sy) : ValueComparator.asc().compare(x, y);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public int getMemory(KeyValue key) {
    int memory = 24;
    for (Object value : key) {
      memory += value instanceof String s ? 40 + 2 * s.length() : objects.getMemory(value);
    }
    return memory;
  }

  @Override
  public void write(WriteBuffer buffer, KeyValue key) {
    buffer.putVarInt(key.size());
    for (Object value : key) {
      if (value instanceof String s) {
        writeUtf8(buffer, s);
      } else if (value instanceof Long l) {
        buffer.put(LONG).putLong(l);
      } else {
        buffer.put(OBJECT);
        objects.write(buffer, value);
      }
    }
  }

  /**
   * Index keys are ids, nearly always ASCII, and a commit rewrites every key of each leaf it
   * touched: copying their chars into one reused array spares an allocation per key.
   */
  private static void writeUtf8(WriteBuffer buffer, String s) {
    int length = s.length();
    byte[] ascii = length <= ASCII_SCRATCH ? SCRATCH.get() : null;
    for (int i = 0; ascii != null && i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        ascii = null;
      } else {
        ascii[i] = (byte) c;
      }
    }
    if (ascii != null) {
      buffer.put(UTF8).putVarInt(length).put(ascii, 0, length);
    } else {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      buffer.put(UTF8).putVarInt(bytes.length).put(bytes);
    }
  }

  @Override
  public KeyValue read(ByteBuffer buffer) {
    int size = DataUtils.readVarInt(buffer);
    Object[] values = new Object[size];
    for (int i = 0; i < size; i++) {
      byte tag = buffer.get();
      values[i] =
          switch (tag) {
            case UTF8 -> utf8(buffer);
            case H2_STRING -> DataUtils.readString(buffer);
            case LONG -> buffer.getLong();
            case OBJECT -> objects.read(buffer);
            default -> throw new IllegalStateException("Unknown index key tag " + tag);
          };
    }
    return new KeyValue(values);
  }

  private static String utf8(ByteBuffer buffer) {
    int length = DataUtils.readVarInt(buffer);
    if (!buffer.hasArray()) {
      byte[] bytes = new byte[length];
      buffer.get(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
    String s = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
    buffer.position(buffer.position() + length);
    return s;
  }

  @Override
  public KeyValue[] createStorage(int size) {
    return new KeyValue[size];
  }
}
