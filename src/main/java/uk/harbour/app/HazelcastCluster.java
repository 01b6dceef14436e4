package uk.harbour.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The Hazelcast cluster a node joins when {@code cluster.enabled} is true: Vert.x's own map
 * settings, then a TCP/IP member list (never multicast) on this node's address only, and failure
 * detection tuned so a dead node is noticed in seconds rather than Hazelcast's default minute.
 * Only used in clustered mode, so a single node never starts Hazelcast.
 */
final class HazelcastCluster {

  /** The clustered session map (identity.Sessions): one backup, so a session outlives its node. */
  static final String SESSIONS_MAP = uk.harbour.identity.Sessions.MAP;

  private HazelcastCluster() {}

  static ClusterManager manager(HarbourConfig.Cluster cluster) {
    Config hz = ConfigUtil.loadConfig();
    hz.setClusterName(cluster.name());
    hz.setProperty("hazelcast.logging.type", "slf4j");
    // No network but the members: never call home.
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    // A node killed outright is usually seen at once (its connections close); a silent one after 10 s.
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    // The first node waits this long for others before it forms the cluster alone.
    hz.setProperty("hazelcast.wait.seconds.before.join", "1");
    hz.addMapConfig(new MapConfig(SESSIONS_MAP).setBackupCount(1));

    String address = resolve(cluster.host());
    NetworkConfig network = hz.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    // Listen on this node's address only: Hazelcast's open-source edition has no authentication.
    hz.setProperty("hazelcast.socket.bind.any", "false");
    network.getInterfaces().setEnabled(true).addInterface(address);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(cluster.members());
    return new HazelcastClusterManager(hz);
  }

  /** The event bus listens on the same address as Hazelcast, on any free port it tells the others. */
  static EventBusOptions eventBus(HarbourConfig.Cluster cluster) {
    return new EventBusOptions().setHost(resolve(cluster.host())).setPort(0);
  }

  private static String resolve(String host) {
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new ConfigException("cluster.host", "cannot be resolved: '" + host + "'");
    }
  }
}
