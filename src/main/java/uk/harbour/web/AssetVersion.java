package uk.harbour.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A short hash of every file under the static directory, put in the path pages load them by
 * ({@code /static/v/<hash>/…}). A browser may then keep those files for a year, and after any one
 * of them changes it fetches them all again, together: the chat's modules import each other, and
 * one new module among cached old ones (or the reverse) breaks the page. Read once at start-up,
 * off the event loop.
 */
public final class AssetVersion {

  /** Where pages load static files from: {@code /static/v/} then the version. */
  public static final String PREFIX = "/static/v/";

  private AssetVersion() {}

  public static String of(Path staticDir) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(staticDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      // The name as well as the content: a file moved is a change too.
      sha.update(staticDir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(Files.readAllBytes(file));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 6);
  }
}
