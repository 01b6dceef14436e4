package uk.harbour.bench;

/** What the bench started for itself: one Harbour ({@link BenchServer}) or a cluster ({@link ClusterBenchServer}). */
interface OwnServer extends AutoCloseable {

  /** Where set-up (accounts, sign-in) goes. */
  String url();

  String adminPassword();

  /** Where care leavers' sockets connect: the same as {@link #url()} on one node. */
  default String youngUrl() {
    return url();
  }

  /** Where advisers' sockets connect. */
  default String staffUrl() {
    return url();
  }

  /** Where each node's /metrics is read (the proxy does not serve it). */
  default java.util.List<String> nodeUrls() {
    return java.util.List.of(url());
  }

  /** CPU seconds used so far by everything the bench started (server side only). */
  double cpuSeconds();

  long rssBytes();

  void fullGc();

  /** Writes the server's live objects by class ({@code jcmd GC.class_histogram}) to {@code file}; the first node's only. */
  void histogram(java.nio.file.Path file);

  void deleteData();

  @Override
  void close();
}
