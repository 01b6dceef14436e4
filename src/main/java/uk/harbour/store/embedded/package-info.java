/**
 * The embedded store: mongo-java-server on an H2 MVStore file, with the classes that subclass its
 * internals to make chat load fast and updates safe (index keys, BSON documents, insertion order,
 * updates on a copy, a write-ahead log that commits append to). This is the only code that knows the library's internals; a library upgrade
 * is reviewed here, against {@code docs/storage.md} ("What we depend on inside the library") and
 * the store contract tests.
 *
 * <p>Nothing outside this package sees those classes: {@link uk.harbour.store.embedded.EmbeddedStore}
 * starts the server on a file and hands back a connection string for the ordinary MongoDB driver,
 * a blocking {@code commit()} (the durability hook) and {@code close()}. No Vert.x here: every
 * method blocks, and its callers put it on a worker.
 *
 * <p>What is deliberately not here, in {@code uk.harbour.store}: {@code GroupCommitter} (shares one
 * {@code commit()} among concurrent writes on a Vert.x worker; it knows nothing of H2, only the
 * hook) and {@code Durability} (what repositories wait for; real MongoDB needs none);
 * {@code InsertBatcher} (gathers inserts into one {@code insertMany} through the driver and maps
 * its bulk errors: as useful against real MongoDB); {@code MessageCache} (recent chat messages above
 * any store). They work the same whichever server answers the driver.
 */
package uk.harbour.store.embedded;
