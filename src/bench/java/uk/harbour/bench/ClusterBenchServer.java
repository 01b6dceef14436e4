package uk.harbour.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ops/bench --nodes 2}: the shared store (ops/store's main), two clustered nodes and HAProxy
 * with ops/haproxy.cfg, all separate processes on loopback. Set-up goes through the proxy's own
 * frontend; a second config file adds two frontends that each lead to one node, so care leavers'
 * sockets reach node 1 and advisers' node 2 through the same HAProxy: every message crosses nodes.
 */
final class ClusterBenchServer implements OwnServer {

  private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  private final Process store;
  private final BenchServer node1;
  private final BenchServer node2;
  private final Process proxy;
  private final Path data;
  private final int proxyPort;
  private final int youngPort;
  private final int staffPort;

  private ClusterBenchServer(Process store, BenchServer node1, BenchServer node2, Process proxy, Path data, int proxyPort, int youngPort, int staffPort) {
    this.store = store;
    this.node1 = node1;
    this.node2 = node2;
    this.proxy = proxy;
    this.data = data;
    this.proxyPort = proxyPort;
    this.youngPort = youngPort;
    this.staffPort = staffPort;
  }

  static ClusterBenchServer start() throws IOException, InterruptedException {
    if (!Files.isExecutable(HAPROXY)) {
      throw new IllegalStateException("--nodes 2 runs HAProxy from Debian's package: apt-get install haproxy");
    }
    Path data = Files.createTempDirectory("harbour-bench-cluster");
    int storePort = BenchServer.freePort();
    String jar = Path.of(uk.harbour.app.Harbour.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    ProcessBuilder storeBuilder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms128m", "-Xmx512m",
        "-cp", jar, "uk.harbour.store.embedded.StoreServer").redirectErrorStream(true).redirectOutput(Path.of("target", "bench-store.log").toFile());
    storeBuilder.environment().put("HARBOUR_STORE_PORT", String.valueOf(storePort));
    storeBuilder.environment().put("HARBOUR_DATA_DIR", data.resolve("store").toString());
    Process store = storeBuilder.start();
    waitForPort(storePort);
    int[] cluster = {BenchServer.freePort(), BenchServer.freePort()};
    String members = "127.0.0.1:" + cluster[0] + ",127.0.0.1:" + cluster[1];
    BenchServer node1 = BenchServer.start(data.resolve("node1"), true, node(cluster[0], members, storePort), "bench-node1.log");
    BenchServer node2 = BenchServer.start(data.resolve("node2"), false, node(cluster[1], members, storePort), "bench-node2.log");
    int proxyPort = BenchServer.freePort();
    int youngPort = BenchServer.freePort();
    int staffPort = BenchServer.freePort();
    Path pinned = Path.of("target", "bench-haproxy-pinned.cfg");
    Files.writeString(pinned, String.join("\n",
        "# Written by ops/bench --nodes 2: care leavers' sockets to node 1, advisers' to node 2, through the same proxy.",
        "frontend bench_young", "    bind 127.0.0.1:" + youngPort, "    default_backend bench_node1",
        "frontend bench_staff", "    bind 127.0.0.1:" + staffPort, "    default_backend bench_node2",
        "backend bench_node1", "    server node1 " + hostPort(node1.url), "backend bench_node2", "    server node2 " + hostPort(node2.url), ""));
    ProcessBuilder proxyBuilder = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", "ops/haproxy.cfg", "-f", pinned.toString())
        .redirectErrorStream(true).redirectOutput(Path.of("target", "bench-haproxy.log").toFile());
    proxyBuilder.environment().putAll(Map.of("HARBOUR_PROXY_BIND", "127.0.0.1:" + proxyPort,
        "HARBOUR_NODE1", hostPort(node1.url), "HARBOUR_NODE2", hostPort(node2.url)));
    Process proxy = proxyBuilder.start();
    waitForPort(proxyPort);
    System.out.println("cluster: store on " + storePort + ", nodes " + node1.url + " and " + node2.url + ", proxy on " + proxyPort
        + " (care leavers via " + youngPort + " to node 1, advisers via " + staffPort + " to node 2)");
    return new ClusterBenchServer(store, node1, node2, proxy, data, proxyPort, youngPort, staffPort);
  }

  private static Map<String, String> node(int clusterPort, String members, int storePort) {
    return Map.of("HARBOUR_CLUSTER", "true", "HARBOUR_CLUSTER_PORT", String.valueOf(clusterPort), "HARBOUR_CLUSTER_MEMBERS", members,
        "MONGO_URI", "mongodb://127.0.0.1:" + storePort);
  }

  private static String hostPort(String url) {
    return url.replace("http://", "");
  }

  private static void waitForPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("nothing listens on port " + port);
  }

  @Override
  public String url() {
    return "http://127.0.0.1:" + proxyPort;
  }

  @Override
  public String adminPassword() {
    return node1.adminPassword;
  }

  @Override
  public String youngUrl() {
    return "http://127.0.0.1:" + youngPort;
  }

  @Override
  public String staffUrl() {
    return "http://127.0.0.1:" + staffPort;
  }

  @Override
  public java.util.List<String> nodeUrls() {
    return List.of(node1.url, node2.url);
  }

  @Override
  public double cpuSeconds() {
    double total = 0;
    for (double cpu : List.of(BenchServer.cpuSeconds(store), node1.cpuSeconds(), node2.cpuSeconds(), BenchServer.cpuSeconds(proxy))) {
      if (cpu < 0) {
        return -1;
      }
      total += cpu;
    }
    return total;
  }

  /** CPU seconds so far per process, for the report: store, node 1, node 2, proxy. */
  List<Double> cpuByProcess() {
    return new ArrayList<>(List.of(BenchServer.cpuSeconds(store), node1.cpuSeconds(), node2.cpuSeconds(), BenchServer.cpuSeconds(proxy)));
  }

  @Override
  public long rssBytes() {
    return node1.rssBytes() + node2.rssBytes();
  }

  @Override
  public void histogram(Path file) {
    node1.histogram(file);
  }

  @Override
  public void fullGc() {
    node1.fullGc();
    node2.fullGc();
  }

  @Override
  public void deleteData() {
    try (var files = Files.walk(data)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.out.println("could not delete " + data + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    proxy.destroy();
    node2.close();
    node1.close();
    store.destroy();
    try {
      store.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
