package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.web.RetryLater;

/**
 * Argon2id (BouncyCastle) in PHC string form. Parameters default to the OWASP minimum (19 MiB,
 * 2 passes, 1 lane), sized for a 2-core server.
 *
 * <p>Hashes run on a pool of their own, one thread per core: each takes a core and 19 MiB for a
 * fraction of a second, so more at once only add memory (twenty at once, the shared worker pool's
 * size, would hold 380 MiB), and on the shared pool a burst of sign-ins queued every page behind it.
 * Beyond {@code waitLimit} waiting, a hash is refused at once with 503 {@code busy} rather than
 * queued past the request's own deadline.
 */
public final class Argon2Hashing implements PasswordHashing {

  static final String POOL = "harbour-password-hashing";
  private static final Logger LOG = LoggerFactory.getLogger(Argon2Hashing.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  public record Cost(int memoryKib, int iterations, int parallelism) {
    public static final Cost DEFAULT = new Cost(19_456, 2, 1);
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Cost cost;
  private final WorkerExecutor pool;
  private final int waitLimit;
  /** Hashes admitted and not finished: running and waiting. */
  private final AtomicInteger admitted = new AtomicInteger();
  private final AtomicBoolean refusing = new AtomicBoolean();
  private final int threads;
  private final Future<String> decoy;

  public Argon2Hashing(Vertx vertx, Cost cost, int waitLimit) {
    this(vertx, cost, Runtime.getRuntime().availableProcessors(), waitLimit);
  }

  Argon2Hashing(Vertx vertx, Cost cost, int threads, int waitLimit) {
    this.cost = Objects.requireNonNull(cost);
    this.threads = threads;
    this.waitLimit = waitLimit;
    this.pool = vertx.createSharedWorkerExecutor(POOL, threads);
    // A real hash of a random secret: checking an unknown username costs the same as a known one.
    // Made in the background, as it is a worker's third of a second that start-up need not wait for.
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    this.decoy = pool.executeBlocking(() -> encode(B64.encodeToString(random), cost), false);
  }

  @Override
  public Future<String> hash(String secret) {
    return run(() -> encode(secret, cost));
  }

  @Override
  public Future<Boolean> verify(String secret, Optional<String> encoded) {
    Future<String> target = encoded.map(Future::succeededFuture).orElse(decoy);
    return target.compose(hash -> run(() -> matches(secret, hash) && encoded.isPresent()));
  }

  private <T> Future<T> run(Callable<T> hashing) {
    if (admitted.incrementAndGet() > threads + waitLimit) {
      admitted.decrementAndGet();
      if (refusing.compareAndSet(false, true)) {
        LOG.warn("Password hashing is full ({} running, {} waiting): sign-ins and joins are answered 503 busy until it drains", threads, waitLimit);
      }
      return Future.failedFuture(new RetryLater(503, "busy", "Harbour is very busy just now. Please try again in a few seconds.", RETRY_AFTER));
    }
    return pool.executeBlocking(hashing, false).andThen(done -> {
      if (admitted.decrementAndGet() == 0 && refusing.compareAndSet(true, false)) {
        LOG.info("Password hashing has drained: sign-ins and joins are answered again");
      }
    });
  }

  static String encode(String secret, Cost cost) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(secret, salt, cost, 32);
    return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  static boolean matches(String secret, String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[3].split(",")) {
      String[] pair = kv.split("=");
      int value = Integer.parseInt(pair[1]);
      switch (pair[0]) {
        case "m" -> m = value;
        case "t" -> t = value;
        case "p" -> p = value;
        default -> {
          return false;
        }
      }
    }
    byte[] salt = B64D.decode(parts[4]);
    byte[] expected = B64D.decode(parts[5]);
    byte[] actual = derive(secret, salt, new Cost(m, t, p), expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(String secret, byte[] salt, Cost cost, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKib())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
