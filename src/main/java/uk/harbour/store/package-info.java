/**
 * Every MongoDB access in Harbour: one repository per collection ({@code Mongo…Repository},
 * {@code MongoAuditLog}), each implementing an interface its feature owns
 * ({@code chat.MessageRepository}, {@code identity.StaffRepository}, …) and mapping records to
 * documents only inside itself, and {@link uk.harbour.store.MongoStore}, the one client with its
 * lifecycle. Features never import this package; {@code app} wires it in.
 *
 * <p>Beside the repositories, the plumbing they share, independent of which server answers the
 * driver: {@code Durability} (what a write waits for before it is acknowledged) and
 * {@code GroupCommitter} (its embedded-store form: one shared commit on a worker), {@code InsertBatcher}
 * (message inserts gathered into one {@code insertMany}), {@code MessageCache} (the recent end of
 * each conversation), {@code MongoErrors} (driver errors by category) and {@code Documents}
 * (instants as BSON dates).
 *
 * <p>The embedded server itself, and everything that knows mongo-java-server's internals, is in
 * {@link uk.harbour.store.embedded}, reached only through its {@code EmbeddedStore} interface.
 */
package uk.harbour.store;
