package uk.harbour.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (BouncyCastle) in PHC string form, always on a worker thread. Parameters default to
 * the OWASP minimum (19 MiB, 2 passes, 1 lane), sized for a 2-core server.
 */
public final class Argon2Hashing implements PasswordHashing {

  public record Cost(int memoryKib, int iterations, int parallelism) {
    public static final Cost DEFAULT = new Cost(19_456, 2, 1);
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final Vertx vertx;
  private final Cost cost;
  private final Future<String> decoy;

  public Argon2Hashing(Vertx vertx, Cost cost) {
    this.vertx = Objects.requireNonNull(vertx);
    this.cost = Objects.requireNonNull(cost);
    // A real hash of a random secret: checking an unknown username costs the same as a known one.
    // Made in the background, as it is a worker's third of a second that start-up need not wait for.
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    this.decoy = vertx.executeBlocking(() -> encode(B64.encodeToString(random), cost), false);
  }

  @Override
  public Future<String> hash(String secret) {
    return vertx.executeBlocking(() -> encode(secret, cost), false);
  }

  @Override
  public Future<Boolean> verify(String secret, Optional<String> encoded) {
    Future<String> target = encoded.map(Future::succeededFuture).orElse(decoy);
    return target.compose(hash -> vertx.executeBlocking(() -> matches(secret, hash) && encoded.isPresent(), false));
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
