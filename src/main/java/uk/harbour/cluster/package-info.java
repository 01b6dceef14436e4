/**
 * What exactly one node does at a time when several run (the routing sweep and seeding): a lease
 * in the store decides which ({@link uk.harbour.cluster.StoreLease}); a single node always leads.
 * Knows nothing of Hazelcast: the app tells it when a node leaves.
 */
package uk.harbour.cluster;
