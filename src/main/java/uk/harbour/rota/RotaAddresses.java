package uk.harbour.rota;

/** Event-bus addresses of the rota. */
public final class RotaAddresses {

  /**
   * Published after every stored change, with {@code {"version": n}}: every node (this one included)
   * reloads when it holds an older version, and the routing code can react.
   */
  public static final String CHANGED = "harbour.rota.changed";

  private RotaAddresses() {}
}
