package uk.harbour.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps documents: as BSON, the form they arrived in over the wire. H2's
 * default type Java-serialises every document, and every commit rewrites whole B-tree leaves, so
 * with hundreds of live conversations a commit re-serialised thousands of documents: it was the
 * largest cost of a commit and the reason an acknowledgement could wait hundreds of milliseconds.
 *
 * <p>A value written this way starts with {@link #BSON}, a byte H2's own object encoding never
 * starts with, so documents an older Harbour wrote are still read (and rewritten as BSON when their
 * leaf next changes). A file written with this type cannot be opened by an older Harbour.
 */
final class DocumentType extends BasicDataType<Document> {

  /** H2's object encoding starts with a type tag below 120 (ObjectDataType); 0xF0 is never one. */
  static final byte BSON = (byte) 0xF0;

  private final ObjectDataType legacy = new ObjectDataType();

  /** Commits serialise on one H2 thread at a time; a buffer per thread avoids one allocation per document. */
  private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

  @Override
  public int getMemory(Document document) {
    // An estimate is enough (it sizes H2's cache): a map entry with a short value per field.
    return 64 + 64 * document.size();
  }

  @Override
  public void write(WriteBuffer buffer, Document document) {
    ByteBuf scratch = SCRATCH.get();
    scratch.clear();
    BsonEncoder.encodeDocument(document, scratch);
    buffer.put(BSON).put(scratch.array(), scratch.arrayOffset() + scratch.readerIndex(), scratch.readableBytes());
  }

  @Override
  public Document read(ByteBuffer buffer) {
    int start = buffer.position();
    if (buffer.get(start) != BSON) {
      return (Document) legacy.read(buffer);
    }
    int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
    ByteBuffer bson = buffer.duplicate();
    bson.position(start + 1).limit(start + 1 + length);
    buffer.position(start + 1 + length);
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
  }

  @Override
  public int compare(Document a, Document b) {
    // Only asked for equality (MVMap.replace and remove by value); documents have no order.
    return a.equals(b) ? 0 : Integer.compare(System.identityHashCode(a), System.identityHashCode(b)) | 1;
  }

  @Override
  public Document[] createStorage(int size) {
    return new Document[size];
  }
}
